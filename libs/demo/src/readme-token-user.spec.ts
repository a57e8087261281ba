import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, evolve, initialCaseState, type CaseState } from '@samvirke/case';
import { loadReferenceData } from '@samvirke/reference-data';
import { generateDemoCaseLoad } from './demo-scenario';
import { sealCommand } from './unsealed-command';

/**
 * The README tells a new user to mint a coordinator's token and try the API on the demo data that
 * `npm start` adds (300 cases, seed 1). That user must coordinate some of those cases, or every list
 * they fetch is empty and the example looks broken.
 */
describe("the README's token example", () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const example = /mint-token --user (\S+) --agency (\S+) --role coordinator/.exec(readme);

  it('names a coordinator who coordinates open demo cases', () => {
    expect(example).not.toBeNull();
    const [, userId, agency] = example as RegExpExecArray;
    const refData = loadReferenceData();
    const load = generateDemoCaseLoad({ cases: 300, seed: 1, until: new Date('2026-11-25T18:00:00Z'), refData });
    const identity = { citizenId: '7d5b0c4e-2f1a-4b8c-9d3e-6a5f4b3c2d1e', cprHash: 'a'.repeat(64) };
    let coordinated = 0;
    for (const citizen of load) {
      let state: CaseState = initialCaseState();
      for (const step of citizen.steps) {
        const command = sealCommand(step.command, identity, (text) => ({ sealed: `sealed:${text.length}` }));
        for (const event of decide(command, state, { now: step.at, refData })) state = evolve(state, event);
      }
      if (state.status === 'open' && state.coordinator?.coordinatorId === userId && state.coordinator.agency === agency) coordinated += 1;
    }
    expect(coordinated).toBeGreaterThan(0);
  });
});
