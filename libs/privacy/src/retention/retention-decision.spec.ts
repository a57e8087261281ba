import { loadReferenceData } from '@samvirke/reference-data';
import { decideRetention, type RetentionFacts } from './retention-decision';
import { loadRetentionPolicy } from './retention-policy';

const { agencies } = loadReferenceData();
const policy = (json?: string) => loadRetentionPolicy({ RETENTION_POLICY: json }, agencies);
const closed = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  caseId: 'c1',
  status: 'closed',
  closedAt: '2020-01-10T12:00:00.000Z',
  activeLegalHolds: 0,
  citizenErased: false,
  liveKeyAgencies: ['BIF', 'KBH-POLITI'],
  ...overrides,
});
const decide = (facts: RetentionFacts, now: string, json?: string) => decideRetention(facts, policy(json), agencies, new Date(now));

describe('decideRetention', () => {
  it('does nothing with an open case, however old', () => {
    expect(decide(closed({ status: 'open', closedAt: undefined }), '2040-01-01T00:00:00Z')).toEqual({ kind: 'nothing-to-do' });
  });

  it('keeps a closed case until the period has passed, to the instant', () => {
    expect(decide(closed(), '2025-01-10T11:59:59Z')).toEqual({ kind: 'keep', until: '2025-01-10T12:00:00.000Z' });
    expect(decide(closed(), '2025-01-10T12:00:00Z')).toEqual({ kind: 'erase', scopes: ['citizen'] });
  });

  it('reports an expired case under a legal hold as held, and erases nothing', () => {
    expect(decide(closed({ activeLegalHolds: 1 }), '2030-01-01T00:00:00Z')).toEqual({ kind: 'held', scopes: ['citizen'] });
  });

  it("erases an agency's key alone when only its shorter period has passed", () => {
    expect(decide(closed(), '2023-06-01T00:00:00Z', '{"agencies":{"KBH-POLITI":"P3Y"}}')).toEqual({ kind: 'erase', scopes: ['KBH-POLITI'] });
  });

  it('lets the citizen-wide erasure wait for the longest period of an agency still holding a key', () => {
    const json = '{"categories":{"law-enforcement":"P10Y"}}';
    expect(decide(closed(), '2026-01-01T00:00:00Z', json)).toEqual({ kind: 'erase', scopes: ['BIF'] });
    expect(decide(closed({ liveKeyAgencies: ['KBH-POLITI'] }), '2026-01-01T00:00:00Z', json)).toEqual({ kind: 'keep', until: '2030-01-10T12:00:00.000Z' });
    expect(decide(closed({ liveKeyAgencies: ['KBH-POLITI'] }), '2030-01-10T12:00:00Z', json)).toEqual({ kind: 'erase', scopes: ['citizen'] });
  });

  it('still records the citizen-wide erasure when every agency has gone on its own', () => {
    expect(decide(closed({ liveKeyAgencies: [] }), '2025-02-01T00:00:00Z')).toEqual({ kind: 'erase', scopes: ['citizen'] });
  });

  it('leaves an agency unknown to the reference data to the citizen-wide erasure', () => {
    expect(decide(closed({ liveKeyAgencies: ['GONE-AGENCY'] }), '2024-01-01T00:00:00Z', '{"default":"P1Y"}')).toEqual({ kind: 'erase', scopes: ['citizen'] });
    expect(decide(closed({ liveKeyAgencies: ['GONE-AGENCY', 'BIF'] }), '2021-06-01T00:00:00Z', '{"default":"P5Y","agencies":{"BIF":"P1Y"}}')).toEqual({
      kind: 'erase',
      scopes: ['BIF'],
    });
  });

  it('finishes an erasure whose keys outlived its event, without waiting for a period', () => {
    expect(decide(closed({ citizenErased: true, liveKeyAgencies: ['BIF'] }), '2020-02-01T00:00:00Z')).toEqual({ kind: 'erase', scopes: ['citizen'] });
    expect(decide(closed({ citizenErased: true, liveKeyAgencies: [] }), '2040-01-01T00:00:00Z')).toEqual({ kind: 'nothing-to-do' });
  });
});
