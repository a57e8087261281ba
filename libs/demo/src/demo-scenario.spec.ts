import { copenhagenDate, decide, evolve, initialCaseState, type CaseCommandType, type CaseState } from '@samvirke/case';
import { birthDateFromCpr, isValidCprDate } from '@samvirke/case/cpr';
import { loadReferenceData } from '@samvirke/reference-data';
import { generateDemoCaseLoad, type DemoCitizenCase } from './demo-scenario';
import { sealCommand } from './unsealed-command';

const refData = loadReferenceData();
const until = new Date('2026-11-25T18:00:00Z');
const YEAR_MS = 365 * 86_400_000;

/**
 * Every command a (simulated) user can issue, spelled out so a new command fails to compile here
 * until the demo covers it. EscalateFlow is no user's: the escalation job records escalations of the
 * demo's unanswered flows when it runs against the seeded data.
 */
const ALL_COMMAND_TYPES: Record<Exclude<CaseCommandType, 'EscalateFlow'>, true> = {
  OpenCase: true,
  CloseCase: true,
  ReopenCase: true,
  AssessSspCategory: true,
  AssignCoordinator: true,
  ChangeCoordinator: true,
  JoinCase: true,
  ChangeEntryPoint: true,
  LeaveCase: true,
  EnrolInProgramme: true,
  ExitProgramme: true,
  ShareInformation: true,
  AcknowledgeInformation: true,
  RequestInformation: true,
  AnswerInformationRequest: true,
  DeclineInformationRequest: true,
  SetGoal: true,
  AddAction: true,
  CompleteAction: true,
  CancelAction: true,
  RecordCaseConference: true,
  StartCustody: true,
  ChangeExpectedRelease: true,
  ReleaseFromCustody: true,
  RecordCharge: true,
  RecordConviction: true,
  StartEmployment: true,
  EndEmployment: true,
  StartEducation: true,
  EndEducation: true,
  CompleteEducation: true,
  RegisterSelfSufficiency: true,
  RegisterLossOfSelfSufficiency: true,
  AssessProgression: true,
  PlaceLegalHold: true,
  LiftLegalHold: true,
  EraseCitizenData: true,
  RequestIntake: true,
};

const identity = { citizenId: '7d5b0c4e-2f1a-4b8c-9d3e-6a5f4b3c2d1e', cprHash: 'a'.repeat(64) };

/** Replays a case's steps through the real decider, as the seeder will; throws on the first refusal. */
function replay(citizen: DemoCitizenCase): CaseState {
  let state = initialCaseState();
  for (const step of citizen.steps) {
    const command = sealCommand(step.command, identity, (text) => ({ sealed: `sealed:${text.length}` }));
    for (const event of decide(command, state, { now: step.at, refData })) state = evolve(state, event);
  }
  return state;
}

describe('the demo case load', () => {
  let load: DemoCitizenCase[];
  beforeAll(() => {
    load = generateDemoCaseLoad({ cases: 300, seed: 1, until, refData });
  });

  it('is the same for the same seed and different for another seed', () => {
    expect(generateDemoCaseLoad({ cases: 30, seed: 1, until, refData })).toEqual(load.slice(0, 30));
    const other = generateDemoCaseLoad({ cases: 30, seed: 2, until, refData });
    expect(other.map((c) => c.cpr)).not.toEqual(load.slice(0, 30).map((c) => c.cpr));
  });

  it('keeps each case the same when more cases are asked for', () => {
    expect(generateDemoCaseLoad({ cases: 5, seed: 1, until, refData })).toEqual(load.slice(0, 5));
  });

  it('has only steps the decider accepts, replayed with now = step.at', () => {
    for (const citizen of load) {
      expect(() => replay(citizen)).not.toThrow();
    }
  });

  it('orders every case chronologically, opens it first, and stays before until', () => {
    for (const citizen of load) {
      expect(citizen.steps[0].command.type).toBe('OpenCase');
      for (let i = 1; i < citizen.steps.length; i++) {
        expect(citizen.steps[i].at.getTime()).toBeGreaterThan(citizen.steps[i - 1].at.getTime());
      }
      expect(copenhagenDate(citizen.steps.at(-1)!.at) < copenhagenDate(until)).toBe(true);
    }
  });

  it('gives every citizen a valid CPR number that matches the birth date, unique across the load', () => {
    const cprs = new Set<string>();
    for (const citizen of load) {
      expect(isValidCprDate(citizen.cpr)).toBe(true);
      expect(birthDateFromCpr(citizen.cpr)).toBe(citizen.birthDate);
      const open = citizen.steps[0].command;
      expect(open.type === 'OpenCase' && open.data.cpr === citizen.cpr && open.data.birthDate === citizen.birthDate).toBe(true);
      cprs.add(citizen.cpr);
    }
    expect(cprs.size).toBe(load.length);
  });

  it('opens cases at ages 17 to 26, in known districts', () => {
    for (const citizen of load) {
      const openedOn = copenhagenDate(citizen.steps[0].at);
      const age = Number(openedOn.slice(0, 4)) - Number(citizen.birthDate.slice(0, 4)) - (openedOn.slice(5) < citizen.birthDate.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(26);
      expect(refData.districts.has(citizen.districtCode)).toBe(true);
    }
  });

  it('uses every command type and has every agency act', () => {
    const steps = load.flatMap((c) => c.steps);
    expect(new Set(steps.map((s) => s.command.type))).toEqual(new Set(Object.keys(ALL_COMMAND_TYPES)));
    expect(new Set(steps.map((s) => s.actor.agency))).toEqual(new Set(refData.agencies.keys()));
  });

  it('has referrals from the police, both prison services, the jobcentre, social services and children and youth', () => {
    const referrers = new Set(load.map((c) => (c.steps[0].command.type === 'OpenCase' ? c.steps[0].command.data.referredBy : '')));
    expect(referrers).toEqual(new Set(['KBH-POLITI', 'KBH-FAENGSLER', 'KRIMINALFORSORGEN', 'BIF', 'SOF', 'BUF']));
  });

  it('spreads the openings over at least three years', () => {
    const openings = load.map((c) => c.steps[0].at.getTime());
    expect(Math.max(...openings) - Math.min(...openings)).toBeGreaterThanOrEqual(3 * YEAR_MS);
  });

  it('mostly assesses SSP level 3 or 4, with some level 2', () => {
    const levels = load.flatMap((c) => c.steps).flatMap((s) => (s.command.type === 'AssessSspCategory' ? [s.command.data.level] : []));
    const share = (level: number) => levels.filter((l) => l === level).length / levels.length;
    expect(share(3) + share(4)).toBeGreaterThan(0.75);
    expect(share(2)).toBeGreaterThan(0.03);
  });

  it('never shares with the police for the investigation of crime', () => {
    const shares = load.flatMap((c) => c.steps).flatMap((s) => (s.command.type === 'ShareInformation' ? [s.command.data] : []));
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.filter((s) => s.purpose === 'criminal-investigation')).toEqual([]);
  });

  it('enrols in a hotspot trial only citizens of that hotspot district', () => {
    const hotspotDistrict: Record<string, string> = { HOTSPOT_AKACIEPARKEN: 'VALBY-2', HOTSPOT_SJAELOR: 'VESTERBRO-KONGENS-ENGHAVE-4' };
    for (const citizen of load) {
      for (const step of citizen.steps) {
        if (step.command.type === 'EnrolInProgramme' && step.command.data.programmeCode.startsWith('HOTSPOT_')) {
          expect(hotspotDistrict[step.command.data.programmeCode]).toBe(citizen.districtCode);
        }
      }
    }
  });

  it('leaves work for the dashboards: open cases, unacknowledged entries and open requests at the end', () => {
    const finalStates = load.map(replay);
    expect(finalStates.filter((s) => s.status === 'open').length).toBeGreaterThan(100);
    expect(finalStates.filter((s) => s.status === 'closed').length).toBeGreaterThan(30);
    const unacknowledged = finalStates.flatMap((s) => [...s.entries.values()]).filter((e) => e.acknowledgedBy.size < e.sharedWith.length);
    expect(unacknowledged.length).toBeGreaterThan(50);
    const openRequests = finalStates.flatMap((s) => [...s.requests.values()]).filter((r) => r.status === 'open');
    expect(openRequests.length).toBeGreaterThan(50);
  });

  it('refuses bad options', () => {
    expect(() => generateDemoCaseLoad({ cases: -1, seed: 1, until, refData })).toThrow(RangeError);
    expect(() => generateDemoCaseLoad({ cases: 1, seed: 1.5, until, refData })).toThrow(RangeError);
  });
});
