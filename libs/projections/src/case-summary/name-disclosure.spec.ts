import type { PersonalDataVault } from '@samvirke/privacy';
import { discloseNames, type NamedRow } from './name-disclosure';

const coordinator = { userId: 'coord-1', agency: 'BIF', roles: ['coordinator' as const] };
const programmes = new Map([['EXIT', { sealsIdentity: true }]]);

describe('name disclosure', () => {
  it('answers an erased row with its erasure date and asks the vault only for the names still held', async () => {
    const asked: string[] = [];
    const vault: Pick<PersonalDataVault, 'openMany'> = {
      openMany: async (values) => values.map((value) => (asked.push(value.sealed), { status: 'available' as const, value: `open:${value.sealed}` })),
    };
    const rows: NamedRow[] = [
      { caseId: 'a', sealedName: 'cipher-a', erasedAt: null, enrolments: [] },
      { caseId: 'b', sealedName: null, erasedAt: new Date('2026-11-06T08:00:00.000Z'), enrolments: [] },
      // Erased while in a programme that seals identity: the erasure date reveals nobody, so everyone sees it.
      { caseId: 'c', sealedName: null, erasedAt: new Date('2026-11-07T08:00:00.000Z'), enrolments: [{ programmeCode: 'EXIT', startedOn: '2026-01-01' }] },
    ];
    expect(await discloseNames(vault, coordinator, rows, programmes)).toEqual([
      { value: 'open:cipher-a' },
      { erasedAt: '2026-11-06T08:00:00.000Z' },
      { erasedAt: '2026-11-07T08:00:00.000Z' },
    ]);
    expect(asked).toEqual(['cipher-a']);
  });
});
