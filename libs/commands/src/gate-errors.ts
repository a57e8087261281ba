/**
 * The gate's two refusals. Both say nothing about the case: `CaseNotVisibleError` is answered exactly
 * like a case that does not exist (404), and `CaseWriteForbiddenError` (403) only ever follows a
 * caller who may see the case.
 */
export class CaseNotVisibleError extends Error {
  override readonly name = 'CaseNotVisibleError';
  constructor() {
    super('no case with this id');
  }
}

export class CaseWriteForbiddenError extends Error {
  override readonly name = 'CaseWriteForbiddenError';
  constructor() {
    super('your role does not allow this on this case');
  }
}
