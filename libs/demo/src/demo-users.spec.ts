import { loadReferenceData } from '@samvirke/reference-data';
import { demoUsers, generateDemoCaseLoad } from './demo-scenario';

describe('demo users', () => {
  // The load `npm start` adds on an empty embedded database (DEMO_CASES=300, seed 1).
  const load = generateDemoCaseLoad({ cases: 300, seed: 1, until: new Date('2026-12-06T12:00:00Z'), refData: loadReferenceData() });
  const actors = new Set(load.flatMap((citizen) => citizen.steps.map((step) => `${step.actor.userId} ${step.actor.agency}`)));

  it('lists coordinators and liaisons who act on the demo cases, so a token for any of them sees data', () => {
    const idle = demoUsers()
      .filter((user) => user.role !== 'auditor' && user.role !== 'programme-manager')
      .filter((user) => !actors.has(`${user.userId} ${user.agency}`))
      .map((user) => `${user.userId} (${user.agency}, ${user.role})`);
    expect(idle).toEqual([]);
  });

  it('lists a coordinator of every municipal administration in the load, a liaison per agency, an auditor and a programme manager', () => {
    const users = demoUsers();
    expect(new Set(users.filter((user) => user.role === 'liaison').map((user) => user.agency)).size).toBeGreaterThanOrEqual(8);
    expect(users.some((user) => user.role === 'auditor')).toBe(true);
    expect(users.some((user) => user.role === 'programme-manager')).toBe(true);
    expect(new Set(users.filter((user) => user.role === 'coordinator').map((user) => user.agency))).toEqual(new Set(['BIF', 'SOF', 'OKF']));
  });
});
