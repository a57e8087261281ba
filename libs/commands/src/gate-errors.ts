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

/**
 * A write without If-Match that kept losing the race to other writers of the same case (the store's
 * retries ran out). Answered 503 with Retry-After and nothing about the case: a revision conflict
 * would tell a referrer, who need not see the case, that it exists and how far it has come.
 */
export class CaseBusyError extends Error {
  override readonly name = 'CaseBusyError';
  constructor() {
    super('the case is busy with other writes; retry shortly');
  }
}
