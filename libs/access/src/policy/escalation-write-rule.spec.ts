import { CASE_WRITE_RULES, caseWriteDecision, systemWriteAllowed, type SystemPurpose } from './case-command-policy';

/** The escalation row of the write table: the escalation job's, nobody else's. */
describe('who may record an escalation', () => {
  const facts = { exists: true, agencies: ['BIF', 'KRIMINALFORSORGEN'], coordinatorId: 'coord-1' };
  const agencyKind = () => 'municipal-administration';

  it("refuses every user, even the case's own coordinator and a liaison on the case", () => {
    expect(caseWriteDecision({ userId: 'coord-1', agency: 'BIF', roles: ['coordinator'] }, facts, { type: 'EscalateFlow' }, agencyKind)).toBe('forbidden');
    expect(caseWriteDecision({ userId: 'kf-1', agency: 'KRIMINALFORSORGEN', roles: ['liaison'] }, facts, { type: 'EscalateFlow' }, agencyKind)).toBe(
      'forbidden',
    );
  });

  it('still answers not-visible to a user who may not see the case', () => {
    expect(caseWriteDecision({ userId: 'other', agency: 'SOF', roles: ['liaison'] }, facts, { type: 'EscalateFlow' }, agencyKind)).toBe('not-visible');
  });

  it('admits the escalation job (and synthetic data) and no other system purpose', () => {
    const purposes: SystemPurpose[] = ['retention', 'operator', 'synthetic-data', 'escalation'];
    expect(purposes.filter((purpose) => systemWriteAllowed(purpose, 'EscalateFlow'))).toEqual(['synthetic-data', 'escalation']);
  });

  it('lets the escalation job issue nothing but escalations', () => {
    const types = Object.keys(CASE_WRITE_RULES) as (keyof typeof CASE_WRITE_RULES)[];
    expect(types.filter((type) => systemWriteAllowed('escalation', type))).toEqual(['EscalateFlow']);
  });
});
