/** A second referral for a citizen who already has a case: answered 409 with that case's id. */
export class CaseAlreadyExistsError extends Error {
  constructor(readonly caseId: string) {
    super('this citizen already has a case; reopen it or add to it instead of opening another');
  }
}
