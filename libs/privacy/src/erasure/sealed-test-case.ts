import { randomUUID } from 'node:crypto';
import type { EventStore } from '@samvirke/event-store';
import type { CaseCommand } from '@samvirke/case';
import { CaseGate } from '@samvirke/commands';
import { loadReferenceData } from '@samvirke/reference-data';
import type { PersonalDataVault } from '../vault/personal-data-vault';

/**
 * Test support for the privacy integration tests: a case written through the real decider with
 * really sealed personal data, the municipality's (BIF) and the police's (KBH-POLITI) under their own
 * keys, at instants the test chooses. Not a spec: imported by them.
 */
export interface SealedTestCase {
  caseId: string;
  name: string;
  summary: string;
  policeSummary: string;
}

const referenceData = loadReferenceData();

export async function writeSealedTestCase(
  store: EventStore,
  vault: PersonalDataVault,
  options: { openedAt: Date; closedAt?: Date; holdAt?: Date },
): Promise<SealedTestCase> {
  const caseId = randomUUID();
  const tag = randomUUID().slice(0, 8);
  const fixture = { caseId, name: `Testperson Erasure-${tag}`, summary: `Kommunal note ${tag}`, policeSummary: `Politiets note ${tag}` };
  // Synthetic people through the one write path, at the instants the test chooses.
  const gate = new CaseGate(store, referenceData, { now: () => new Date() });
  const run = (command: CaseCommand, agency: string, now: Date) =>
    gate.execute({
      caseId,
      caller: { kind: 'system', purpose: 'synthetic-data', actor: `test-${agency}`, agency },
      intent: { type: command.type },
      command,
      requestFingerprint: randomUUID(),
      now,
    });
  const seal = (agency: string, text: string) => vault.seal({ citizenId: caseId, agency }, text);
  const at = new Date(options.openedAt);
  await run(
    {
      type: 'OpenCase',
      data: {
        citizenId: caseId,
        name: await seal('BIF', fixture.name),
        cpr: await seal('BIF', '0101041234'),
        birthDate: '2004-01-01',
        districtCode: 'NORREBRO-1',
        sealedBirthDate: await seal('BIF', '2004-01-01'),
        sealedDistrictCode: await seal('BIF', 'NORREBRO-1'),
        referredBy: 'BIF',
        reason: await seal('BIF', fixture.summary),
      },
    },
    'BIF',
    at,
  );
  await run({ type: 'JoinCase', data: { agency: 'KBH-POLITI' } }, 'BIF', at);
  await run(
    {
      type: 'ShareInformation',
      data: {
        entryId: randomUUID(),
        fromAgency: 'KBH-POLITI',
        sharedWith: ['BIF'],
        legalBasis: 'RPL115-1-1',
        purpose: 'crime-prevention',
        sensitivity: 'normal',
        summary: await seal('KBH-POLITI', fixture.policeSummary),
      },
    },
    'KBH-POLITI',
    at,
  );
  if (options.closedAt) await run({ type: 'CloseCase', data: { reason: 'goals-achieved' } }, 'BIF', options.closedAt);
  if (options.holdAt) {
    await run(
      { type: 'PlaceLegalHold', data: { holdId: randomUUID(), reason: await seal('BIF', 'Verserende klagesag'), placedBy: 'test-BIF' } },
      'BIF',
      options.holdAt,
    );
  }
  return fixture;
}
