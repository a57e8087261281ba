/**
 * A synthetic Copenhagen SSP+ case load: hundreds of citizens referred over about four years by the
 * police, the prisons, the jobcentre (BIF), social services (SOF) and children and youth (BUF), each
 * with a coordinator, partner agencies, programmes, custody, charges, work and education, shared
 * information, requests, an action plan and case conferences, some closed and a few reopened.
 *
 * Pure and deterministic: the output depends only on the options (a seeded PRNG, no clock), and every
 * step has been accepted by the real decider with `now = step.at` while the story was told (see
 * CaseSimulation), so seeding can never meet a rule violation on an empty case stream.
 */
import { ageOn, copenhagenDate, type CaseEntryPoint, type CaseReferenceData, type GoalArea, type IsoDate, type SspCategory } from '@samvirke/case';
import { deterministicUuid } from '@samvirke/event-store';
import { CaseSimulation, type DemoActor, type DemoStep } from './case-simulation';
import { addDays, addYears, daysBetween, laterOf } from './demo-calendar';
import * as phrases from './demo-phrases';
import { SeededRandom } from './seeded-random';
import { SyntheticPopulation, type SyntheticPerson } from './synthetic-people';
import type { UnsealedCommand } from './unsealed-command';

export type { DemoActor, DemoStep } from './case-simulation';
export type { UnsealedCommand } from './unsealed-command';

export interface DemoCaseLoadOptions {
  readonly cases: number;
  readonly seed: number;
  /** No step falls on this Copenhagen date or later; cases are spread over the four years before it. */
  readonly until: Date;
  readonly refData: CaseReferenceData;
}

export interface DemoCitizenCase {
  readonly caseIndex: number;
  readonly cpr: string;
  readonly name: string;
  readonly birthDate: IsoDate;
  readonly districtCode: string;
  /** In chronological order; the first is always the OpenCase. */
  readonly steps: readonly DemoStep[];
}

const YEARS_OF_HISTORY = 4;

/** The coordinator pool (mint tokens for these to log in as a coordinator). */
export const DEMO_COORDINATORS: readonly DemoActor[] = Array.from({ length: 15 }, (_, i) => ({
  userId: `coord-${String(i + 1).padStart(2, '0')}`,
  agency: i < 6 ? 'BIF' : i < 11 ? 'SOF' : 'OKF',
}));

/** Liaison officers and caseworkers per agency: user-id prefix and how many. */
const STAFF: Readonly<Record<string, readonly [string, number]>> = {
  'KBH-POLITI': ['politi', 8],
  'KBH-FAENGSLER': ['faengsel', 5],
  KRIMINALFORSORGEN: ['kriminalforsorg', 5],
  BIF: ['jobcenter', 8],
  SOF: ['socialraadgiver', 8],
  BUF: ['ssp-buf', 4],
  KFF: ['fritid', 3],
  OKF: ['sikkerby', 3],
};

const LEGAL_ADVISER: DemoActor = { userId: 'jurist-01', agency: 'OKF' };

/** Someone to sign in as on a development machine with the demo load, and the role to ask for. */
export interface DemoUser extends DemoActor {
  readonly role: 'coordinator' | 'liaison' | 'auditor' | 'programme-manager';
}

/**
 * The demo's users worth signing in as: every coordinator, the first liaison of each agency (each acts
 * on the demo cases), an auditor (auditors act on no case; any user id works) and a programme manager
 * (reads the effect reports only).
 */
export function demoUsers(): DemoUser[] {
  return [
    ...DEMO_COORDINATORS.map((actor) => ({ ...actor, role: 'coordinator' as const })),
    ...Object.entries(STAFF).map(([agency, [prefix]]) => ({ userId: `${prefix}-01`, agency, role: 'liaison' as const })),
    { userId: 'revisor-01', agency: 'OKF', role: 'auditor' },
    { userId: 'programleder-01', agency: 'OKF', role: 'programme-manager' },
  ];
}

/**
 * The hotspot trials name housing estates; districts.json holds the sub-district each lies in.
 * Only citizens living there are enrolled.
 */
const HOTSPOT_DISTRICTS: Readonly<Record<string, string>> = {
  HOTSPOT_AKACIEPARKEN: 'VALBY-2',
  HOTSPOT_SJAELOR: 'VESTERBRO-KONGENS-ENGHAVE-4',
};

/** Sub-districts where more of the case load lives (weight 4 instead of 1). */
const BUSY_DISTRICTS = new Set([
  'NORREBRO-1',
  'NORREBRO-2',
  'BISPEBJERG-1',
  'AMAGER-VEST-1',
  'BRONSHOJ-HUSUM-3',
  'VALBY-2',
  'VESTERBRO-KONGENS-ENGHAVE-4',
  'VESTERBRO-KONGENS-ENGHAVE-3',
]);

const AGE_AT_OPENING: ReadonlyArray<readonly [number, number]> = [
  [17, 6],
  [18, 12],
  [19, 14],
  [20, 14],
  [21, 12],
  [22, 11],
  [23, 10],
  [24, 8],
  [25, 7],
  [26, 6],
];

const SENTENCE_INSTITUTIONS = [
  'Vestre Fængsel',
  'Storstrøm Fængsel',
  'Statsfængslet Østjylland',
  'Statsfængslet på Kragskovhede',
  'Herstedvester Fængsel',
  'Enner Mark Fængsel',
] as const;

/** Which agency usually carries an action in each area, when it is on the case. */
const AREA_AGENCY: Readonly<Record<GoalArea, string>> = {
  employment: 'BIF',
  education: 'BIF',
  housing: 'SOF',
  health: 'SOF',
  finances: 'SOF',
  network: 'SOF',
  'substance-use': 'SOF',
  leisure: 'KFF',
  other: 'OKF',
};

const SSP_PLUS_AGE = { min: 18, max: 23, gangConflictMax: 25 };

export function generateDemoCaseLoad(options: DemoCaseLoadOptions): DemoCitizenCase[] {
  if (!Number.isInteger(options.cases) || options.cases < 0) throw new RangeError('cases must be a whole number of at least 0');
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be a whole number');
  const lastDate = addDays(copenhagenDate(options.until), -1);
  const population = new SyntheticPopulation();
  const cases: DemoCitizenCase[] = [];
  // Sequential on purpose: CPR uniqueness is settled in case order, so case i never depends on later cases.
  for (let caseIndex = 0; caseIndex < options.cases; caseIndex++) {
    cases.push(new CaseStory(options, caseIndex, lastDate, population).tell());
  }
  return cases;
}

type CustodyCourse = 'none' | 'remand' | 'sentence';

class CaseStory {
  private readonly random: SeededRandom;
  private readonly sim: CaseSimulation;
  private readonly refData: CaseReferenceData;
  private readonly openedOn: IsoDate;
  private readonly person: SyntheticPerson;
  private readonly districtCode: string;
  private readonly referrer: string;
  private readonly gang: boolean;
  private readonly liaisons = new Map<string, DemoActor>();
  private coordinator: DemoActor | undefined;
  private idCounter = 0;
  private episodes = 0;

  constructor(
    private readonly options: DemoCaseLoadOptions,
    private readonly caseIndex: number,
    lastDate: IsoDate,
    population: SyntheticPopulation,
  ) {
    this.random = SeededRandom.forStream(options.seed, caseIndex);
    this.refData = options.refData;
    const firstDate = addDays(lastDate, -YEARS_OF_HISTORY * 365);
    const span = YEARS_OF_HISTORY * 365 - 14;
    // The square root skews openings towards recent years: the case load has grown.
    this.openedOn = addDays(firstDate, Math.floor(span * Math.sqrt(this.random.next())));
    const age = this.random.weighted(AGE_AT_OPENING);
    const birthDate = addDays(addYears(this.openedOn, -age), -this.random.int(0, 360));
    this.person = population.person(this.random, this.random.chance(0.86) ? 'male' : 'female', birthDate);
    this.districtCode = this.random.weighted([...this.refData.districts.keys()].map((code) => [code, BUSY_DISTRICTS.has(code) ? 4 : 1] as const));
    this.gang = this.random.chance(0.15);
    this.referrer = this.random.weighted([
      ['KBH-POLITI', 30],
      ['KBH-FAENGSLER', 12],
      ['KRIMINALFORSORGEN', 9],
      ['BIF', 16],
      ['SOF', 16],
      ['BUF', age <= 18 ? 30 : 4],
    ]);
    this.sim = new CaseSimulation(this.random, this.refData, lastDate, this.openedOn);
  }

  tell(): DemoCitizenCase {
    this.sim.schedule(this.openedOn, () => this.open());
    this.sim.play();
    return {
      caseIndex: this.caseIndex,
      cpr: this.person.cpr,
      name: this.person.name,
      birthDate: this.person.birthDate,
      districtCode: this.districtCode,
      steps: this.sim.steps,
    };
  }

  // ---- Plumbing ---------------------------------------------------------------------------------

  private get today(): IsoDate {
    return this.sim.today;
  }

  private get state() {
    return this.sim.state;
  }

  private get isOpen(): boolean {
    return this.state.status === 'open';
  }

  private id(kind: string): string {
    return deterministicUuid('samvirke-demo', String(this.options.seed), String(this.caseIndex), kind, String(this.idCounter++));
  }

  private after(days: number, run: () => void): void {
    this.sim.schedule(addDays(this.today, days), run);
  }

  /** The same caseworker per agency throughout the case, as in real life. */
  private liaison(agency: string): DemoActor {
    let actor = this.liaisons.get(agency);
    if (actor === undefined) {
      const [prefix, count] = STAFF[agency] ?? [agency.toLowerCase(), 1];
      actor = { userId: `${prefix}-${String(this.random.int(1, count)).padStart(2, '0')}`, agency };
      this.liaisons.set(agency, actor);
    }
    return actor;
  }

  /** Whoever runs the case: the coordinator once there is one, else the referring agency's caseworker. */
  private lead(): DemoActor {
    return this.coordinator ?? this.liaison(this.referrer);
  }

  private act(actor: DemoActor, command: UnsealedCommand): boolean {
    return this.sim.act(actor, command);
  }

  private onCase(agency: string): boolean {
    return this.state.agencies.has(agency);
  }

  private entryPoint(agency: string, standingCode?: string): CaseEntryPoint | undefined {
    const found = this.refData.agencies.get(agency);
    if (found === undefined) return undefined;
    const standing = found.entryPoints.find((e) => e.code === standingCode) ?? found.entryPoints[0];
    return { unit: standing.unit, contactPerson: this.random.pick(phrases.CONTACT_ROLES), phone: standing.phone, email: standing.functionMailbox };
  }

  private age(): number {
    return ageOn(this.person.birthDate, this.today);
  }

  private level(): SspCategory | undefined {
    return this.state.categoryAssessments.at(-1)?.level;
  }

  private enrolled(programme: string): boolean {
    return this.state.enrolments.has(programme);
  }

  private text(options: readonly string[] | undefined, fallback: string): string {
    return options && options.length > 0 ? this.random.pick(options) : fallback;
  }

  // ---- Referral and coordination ----------------------------------------------------------------

  private open(): void {
    const referrer = this.liaison(this.referrer);
    const specific = this.random.chance(0.3) ? this.entryPoint(this.referrer, this.referrer === 'BIF' ? 'BIF-KRIMINALPRAEVENTION' : undefined) : undefined;
    const opened = this.act(referrer, {
      type: 'OpenCase',
      data: {
        name: this.person.name,
        cpr: this.person.cpr,
        birthDate: this.person.birthDate,
        districtCode: this.districtCode,
        referredBy: this.referrer,
        reason: this.text(phrases.REFERRAL_REASONS[this.referrer], 'Bekymring for kriminalitet'),
        ...(specific ? { referrerEntryPoint: specific } : {}),
      },
    });
    if (!opened) return;

    const inPrison = this.referrer === 'KBH-FAENGSLER' || this.referrer === 'KRIMINALFORSORGEN';
    const level: SspCategory =
      this.gang || inPrison
        ? this.random.chance(0.55)
          ? 4
          : 3
        : this.random.weighted<SspCategory>([
            [4, 25],
            [3, 55],
            [2, 18],
            [1, 2],
          ]);
    this.assess(referrer, level);

    if (inPrison) this.servingSentenceAtReferral();
    else {
      const course = this.random.weighted<CustodyCourse>([
        ['none', 60],
        ['remand', 18],
        ['sentence', 22],
      ]);
      this.after(this.random.int(7, 420), () => this.criminalEpisode(course));
    }
    this.after(this.random.int(1, 14), () => this.coordinate());
    this.planClosure();
    if (this.random.chance(0.03)) this.after(this.random.int(400, 900), () => this.eraseAgencyFacts());
  }

  private assess(actor: DemoActor, level: SspCategory): void {
    this.act(actor, {
      type: 'AssessSspCategory',
      data: {
        level,
        rationale: this.text(phrases.CATEGORY_RATIONALES[level], 'Vurderet på koordinationsmødet'),
        assessedBy: actor.agency,
        assessedOn: this.today,
      },
    });
  }

  private coordinate(): void {
    if (!this.isOpen) return;
    const coordinator = this.random.pick(DEMO_COORDINATORS);
    if (!this.onCase(coordinator.agency)) this.join(coordinator.agency, coordinator);
    if (!this.act(coordinator, { type: 'AssignCoordinator', data: { coordinatorId: coordinator.userId, agency: coordinator.agency } })) return;
    this.coordinator = coordinator;

    const young = this.age() <= 18;
    const partners: Array<[string, number]> = [
      ['KBH-POLITI', 0.9],
      ['BIF', 0.85],
      ['SOF', this.gang ? 1 : 0.65],
      ['BUF', young ? 0.7 : 0.08],
      ['OKF', 0.15],
    ];
    for (const [agency, probability] of partners) {
      if (this.random.chance(probability)) this.after(this.random.int(1, 60), () => this.join(agency));
    }
    this.after(this.random.int(3, 30), () => this.enrolInProgrammes());
    this.after(this.random.int(7, 35), () => this.makeActionPlan());
    this.after(this.random.int(21, 50), () => this.conference());
    this.after(this.random.int(3, 20), () => this.share());
    this.after(this.random.int(14, 60), () => this.requestInformation());
    this.after(this.random.int(20, 60), () => this.labourMarket());
    if (coordinator.agency !== 'BIF' && this.random.chance(0.08)) this.after(this.random.int(60, 300), () => this.jobcentreLeavesAndIsAskedIn());
    if (this.age() < SSP_PLUS_AGE.min) {
      const eighteenth = addYears(this.person.birthDate, SSP_PLUS_AGE.min);
      this.sim.schedule(addDays(eighteenth, this.random.int(0, 30)), () => this.enrolInSspPlus());
    }
  }

  private join(agency: string, actor?: DemoActor): void {
    if (!this.isOpen || this.onCase(agency)) return;
    const standing = agency === 'SOF' && this.enrolled('EXIT') ? 'SOF-EXIT' : agency === 'BIF' && this.state.custody ? 'BIF-KRIMINALPRAEVENTION' : undefined;
    const entryPoint = standing !== undefined || this.random.chance(0.4) ? this.entryPoint(agency, standing) : undefined;
    const joined = this.act(actor ?? this.coordinator ?? this.liaison(agency), { type: 'JoinCase', data: { agency, ...(entryPoint ? { entryPoint } : {}) } });
    if (!joined) return;
    if (agency === 'BUF' && this.random.chance(0.5)) this.after(this.random.int(150, 400), () => this.leave('BUF'));
    if (this.random.chance(0.06)) this.after(this.random.int(60, 500), () => this.changeEntryPoint(agency));
  }

  /**
   * The jobcentre (the referral intake's agency) leaves a case another administration coordinates,
   * and weeks later a liaison on the case asks the municipality in again (RequestIntake).
   */
  private jobcentreLeavesAndIsAskedIn(): void {
    if (!this.isOpen || !this.onCase('BIF') || this.state.coordinator?.agency === 'BIF') return;
    if (!this.act(this.liaison('BIF'), { type: 'LeaveCase', data: { agency: 'BIF' } })) return;
    this.after(this.random.int(7, 60), () => {
      if (!this.isOpen || this.onCase('BIF')) return;
      const asking = [...this.state.agencies.keys()].find((agency) => agency !== this.state.coordinator?.agency) ?? this.state.coordinator?.agency;
      if (asking !== undefined) this.act(this.liaison(asking), { type: 'RequestIntake', data: { requestedBy: asking } });
    });
  }

  private leave(agency: string): void {
    if (!this.isOpen || !this.onCase(agency) || this.state.coordinator?.agency === agency) return;
    this.act(this.liaison(agency), { type: 'LeaveCase', data: { agency } });
  }

  private changeEntryPoint(agency: string): void {
    if (!this.isOpen || !this.onCase(agency)) return;
    const entryPoint = this.entryPoint(agency, this.refData.agencies.get(agency)?.entryPoints.at(-1)?.code);
    if (entryPoint) this.act(this.liaison(agency), { type: 'ChangeEntryPoint', data: { agency, entryPoint } });
  }

  // ---- Programmes -------------------------------------------------------------------------------

  private enrolInProgrammes(): void {
    if (!this.isOpen) return;
    if (this.gang && this.random.chance(0.65)) this.enrol('GANG_CONFLICT_18_25', this.liaison('SOF'), this.random.int(180, 540), ['completed', 'dropped-out']);
    if (this.gang && this.random.chance(0.3)) {
      this.enrol('EXIT', this.liaison('SOF'), this.random.int(270, 720), ['completed', 'completed', 'dropped-out', 'other']);
      this.join('SOF');
    }
    this.enrolInSspPlus();
    const hotspot = Object.entries(HOTSPOT_DISTRICTS).find(([, district]) => district === this.districtCode)?.[0];
    if (hotspot !== undefined && this.random.chance(0.7)) this.enrol(hotspot, this.liaison('OKF'), this.random.int(180, 365), ['completed']);
    if (this.age() <= 22 && this.random.chance(0.15)) {
      this.join('KFF');
      this.enrol('LEISURE_JOB', this.liaison('KFF'), this.random.int(90, 270), ['completed', 'dropped-out']);
    }
    if (this.random.chance(0.025)) {
      if (!this.onCase('KFF')) {
        const vink = this.entryPoint('KFF', 'KFF-VINK');
        this.act(this.lead(), { type: 'JoinCase', data: { agency: 'KFF', ...(vink ? { entryPoint: vink } : {}) } });
      }
      this.enrol('VINK', this.liaison('KFF'), this.random.int(120, 365), ['completed']);
    }
  }

  /** SSP+ takes category 3-4 in the age band (wider while in a gang-conflict programme). */
  private enrolInSspPlus(): void {
    if (!this.isOpen || this.enrolled('SSP_PLUS')) return;
    const level = this.level();
    const maxAge = this.enrolled('GANG_CONFLICT_18_25') ? SSP_PLUS_AGE.gangConflictMax : SSP_PLUS_AGE.max;
    const age = this.age();
    if (level === undefined || level < 3 || age < SSP_PLUS_AGE.min || age > maxAge) return;
    if (!this.random.chance(0.9)) return;
    if (!this.act(this.lead(), { type: 'EnrolInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: this.today } })) return;
    const agedOut = addDays(addYears(this.person.birthDate, maxAge + 1), this.random.int(0, 30));
    this.sim.schedule(agedOut, () => this.exitProgramme('SSP_PLUS', 'no-longer-eligible'));
  }

  private enrol(programme: string, actor: DemoActor, lastsDays: number, exitReasons: readonly ('completed' | 'dropped-out' | 'other')[]): void {
    if (this.enrolled(programme)) return;
    if (!this.act(actor, { type: 'EnrolInProgramme', data: { programmeCode: programme, startedOn: this.today } })) return;
    this.after(lastsDays, () => this.exitProgramme(programme, this.random.pick(exitReasons), actor));
  }

  private exitProgramme(programme: string, reason: 'completed' | 'dropped-out' | 'other' | 'no-longer-eligible' | 'moved', actor?: DemoActor): void {
    if (!this.isOpen || !this.enrolled(programme)) return;
    this.act(actor ?? this.lead(), { type: 'ExitProgramme', data: { programmeCode: programme, endedOn: this.today, exitReason: reason } });
  }

  // ---- Crime, custody and release ---------------------------------------------------------------

  private offence(): string {
    return this.random.weighted([
      ['violence', 18],
      ['threats', 8],
      ['robbery', 10],
      ['burglary', 10],
      ['theft', 14],
      ['narcotics', 16],
      ['vandalism', 6],
      ['weapons', 8],
      ['gang-related', this.gang ? 20 : 1],
      ['sexual', 1],
      ['other', 4],
    ]);
  }

  private charge(): string | undefined {
    const chargeId = this.id('charge');
    const recorded = this.act(this.liaison('KBH-POLITI'), {
      type: 'RecordCharge',
      data: { chargeId, offenceCategory: this.offence(), chargedOn: addDays(this.today, -this.random.int(0, 4)), reportedBy: 'KBH-POLITI' },
    });
    return recorded ? chargeId : undefined;
  }

  private convict(chargeId: string | undefined, custodial: boolean): void {
    const charge = chargeId === undefined ? undefined : this.state.charges.get(chargeId);
    this.act(this.liaison('KBH-POLITI'), {
      type: 'RecordConviction',
      data: {
        convictionId: this.id('conviction'),
        ...(chargeId === undefined ? {} : { chargeId }),
        offenceCategory: charge?.offenceCategory ?? this.offence(),
        convictedOn: this.today,
        sentence: this.random.pick(custodial ? phrases.SENTENCES.custodial : phrases.SENTENCES.other),
        reportedBy: 'KBH-POLITI',
      },
    });
  }

  /** A charge, and what follows it: nothing, a conviction, remand, or a prison sentence. */
  private criminalEpisode(course: CustodyCourse): void {
    if (!this.isOpen || this.state.custody !== undefined || this.episodes >= 3) return;
    this.episodes++;
    const chargeId = this.charge();
    if (course === 'remand') {
      this.startCustody('remand', 'Vestre Fængsel', this.random.int(28, 90));
      if (this.random.chance(0.7)) this.after(this.random.int(3, 14), () => this.enrolWhileInCustody('JOB_EDU_REMAND'));
      this.after(this.random.int(14, 40), () => this.changeExpectedRelease(this.random.int(21, 56)));
      this.after(this.random.int(28, 60), () => this.endRemand(chargeId));
    } else if (course === 'sentence') {
      this.after(this.random.int(30, 150), () => {
        if (!this.isOpen || this.state.custody !== undefined) return;
        this.convict(chargeId, true);
        this.after(this.random.int(0, 45), () => this.serveSentence());
      });
    } else if (this.random.chance(0.45)) {
      this.after(this.random.int(30, 200), () => this.isOpen && this.convict(chargeId, false));
    }
  }

  private servingSentenceAtReferral(): void {
    const startedOn = addDays(this.today, -this.random.int(30, 300));
    this.act(this.liaison('KBH-POLITI'), {
      type: 'RecordConviction',
      data: {
        convictionId: this.id('conviction'),
        offenceCategory: this.offence(),
        convictedOn: addDays(startedOn, -this.random.int(0, 30)),
        sentence: this.random.pick(phrases.SENTENCES.custodial),
        reportedBy: 'KBH-POLITI',
      },
    });
    const expected = laterOf(addDays(startedOn, this.random.int(150, 900)), addDays(this.today, 30));
    this.startCustody('sentence', this.random.pick(SENTENCE_INSTITUTIONS), daysBetween(startedOn, expected), startedOn);
    this.duringSentence();
  }

  private serveSentence(): void {
    if (!this.isOpen || this.state.custody !== undefined) return;
    if (!this.startCustody('sentence', this.random.pick(SENTENCE_INSTITUTIONS), this.random.int(120, 720))) return;
    this.duringSentence();
  }

  /** Work and education stop when custody starts; the jobcentre records the end of each. */
  private startCustody(kind: 'remand' | 'sentence', institution: string, expectedDays: number, startedOn: IsoDate = this.today): boolean {
    const jobcentre = this.liaison('BIF');
    for (const employment of this.state.employments.values()) {
      if (employment.endedOn === undefined)
        this.act(jobcentre, { type: 'EndEmployment', data: { employmentId: employment.employmentId, endedOn: this.today } });
    }
    for (const education of this.state.educations.values()) {
      if (education.status === 'ongoing') this.act(jobcentre, { type: 'EndEducation', data: { educationId: education.educationId, endedOn: this.today } });
    }
    if (this.state.selfSufficiency) this.act(jobcentre, { type: 'RegisterLossOfSelfSufficiency', data: { lostOn: this.today } });
    const prison = kind === 'remand' || institution === 'Vestre Fængsel' ? 'KBH-FAENGSLER' : 'KRIMINALFORSORGEN';
    const started = this.act(this.liaison(prison), {
      type: 'StartCustody',
      data: { custodyId: this.id('custody'), kind, institution, startedOn, expectedReleaseOn: addDays(startedOn, expectedDays) },
    });
    if (started) this.join(prison, this.liaison(prison));
    return started;
  }

  private changeExpectedRelease(byDays: number): void {
    const custody = this.state.custody;
    if (!this.isOpen || custody?.expectedReleaseOn === undefined) return;
    const proposed = addDays(custody.expectedReleaseOn, byDays);
    const expectedReleaseOn = laterOf(proposed, laterOf(addDays(custody.startedOn, 30), this.today));
    this.act(this.liaison(custody.kind === 'remand' ? 'KBH-FAENGSLER' : 'KRIMINALFORSORGEN'), { type: 'ChangeExpectedRelease', data: { expectedReleaseOn } });
  }

  /** Waits for the current expected release date, which may have moved since this was scheduled. */
  private whenExpectedRelease(run: () => void): void {
    const expected = this.state.custody?.expectedReleaseOn;
    if (expected !== undefined && expected > this.today) this.sim.schedule(expected, () => this.whenExpectedRelease(run));
    else run();
  }

  private endRemand(chargeId: string | undefined): void {
    this.whenExpectedRelease(() => {
      if (!this.isOpen || this.state.custody?.kind !== 'remand') return;
      const convicted = this.random.chance(0.55);
      if (convicted) this.convict(chargeId, true);
      this.release(this.random.chance(0.2));
      this.exitProgramme('JOB_EDU_REMAND', 'completed', this.liaison('BIF'));
      if (convicted) this.serveSentence();
      else this.afterRelease();
    });
  }

  private duringSentence(): void {
    const custody = this.state.custody;
    if (custody?.expectedReleaseOn === undefined) return;
    const untilRelease = daysBetween(this.today, custody.expectedReleaseOn);
    if (this.random.chance(0.35)) this.after(Math.floor(untilRelease / 2), () => this.changeExpectedRelease(this.random.int(-90, 120)));
    if (this.random.chance(0.6)) this.after(Math.max(0, untilRelease - this.random.int(90, 150)), () => this.enrolWhileInCustody('JOB_EDU_CONVICTED'));
    if (this.random.chance(0.25)) this.after(this.random.int(14, 60), () => this.enrolWhileInCustody('KSP_PARTNERSHIP'));
    this.after(Math.max(0, untilRelease - this.random.int(60, 100)), () => this.releaseMeeting());
    this.after(untilRelease, () =>
      this.whenExpectedRelease(() => {
        if (!this.isOpen || this.state.custody?.kind !== 'sentence') return;
        this.release(this.random.chance(0.6));
        this.afterRelease();
      }),
    );
  }

  private enrolWhileInCustody(programme: string): void {
    if (!this.isOpen || this.state.custody === undefined) return;
    if (programme !== 'KSP_PARTNERSHIP') this.join('BIF');
    this.enrol(programme, programme === 'KSP_PARTNERSHIP' ? this.lead() : this.liaison('BIF'), this.random.int(120, 360), ['completed', 'dropped-out']);
  }

  private release(conditional: boolean): void {
    const custody = this.state.custody;
    if (custody === undefined) return;
    this.act(this.liaison(custody.kind === 'remand' ? 'KBH-FAENGSLER' : 'KRIMINALFORSORGEN'), {
      type: 'ReleaseFromCustody',
      data: { releasedOn: this.today, conditional },
    });
  }

  /** "Nobody lets go before the next one has hold": housing and work are planned before the release. */
  private releaseMeeting(): void {
    if (!this.isOpen || this.coordinator === undefined || this.state.custody === undefined) return;
    const prison = this.state.custody.kind === 'remand' || this.state.custody.institution === 'Vestre Fængsel' ? 'KBH-FAENGSLER' : 'KRIMINALFORSORGEN';
    const present = [this.coordinator.agency, prison, 'BIF', 'SOF'].filter((a, i, all) => this.onCase(a) && all.indexOf(a) === i);
    const decisions = phrases.RELEASE_MEETING_DECISIONS.map((text, i) => {
      const responsible = i === 0 ? 'SOF' : 'BIF';
      return {
        decisionId: this.id('decision'),
        text,
        ...(this.onCase(responsible)
          ? {
              createsAction: {
                actionId: this.id('action'),
                responsibleAgency: responsible,
                dueDate: addDays(this.today, this.random.int(30, 60)),
                title: this.random.pick(phrases.ACTION_TITLES[i === 0 ? 'housing' : 'employment']),
              },
            }
          : {}),
      };
    });
    this.recordConference(this.today, present, decisions);
    if (this.onCase(prison)) this.shareFrom(prison, 'RPL115-1-3');
  }

  private afterRelease(): void {
    this.after(this.random.int(7, 30), () => this.labourMarketStep());
    if (this.random.chance(0.4)) this.after(this.random.int(120, 300), () => this.leave('KRIMINALFORSORGEN'));
    if (this.random.chance(0.35)) {
      const course = this.random.weighted<CustodyCourse>([
        ['none', 40],
        ['remand', 30],
        ['sentence', 30],
      ]);
      this.after(this.random.int(30, 400), () => this.criminalEpisode(course));
    }
  }

  // ---- Labour market ----------------------------------------------------------------------------

  private labourMarket(): void {
    this.labourMarketStep();
    this.after(this.random.int(60, 150), () => this.labourMarket());
  }

  /** One move along the road to self-sufficiency, or back, depending on where the citizen stands. */
  private labourMarketStep(): void {
    if (!this.isOpen || this.state.custody !== undefined) return;
    const jobcentre = this.liaison('BIF');
    const job = [...this.state.employments.values()].find((e) => e.endedOn === undefined);
    const education = [...this.state.educations.values()].find((e) => e.status === 'ongoing');
    const selfSufficient = this.state.selfSufficiency !== undefined;
    const r = this.random.next();
    let stage = 1;

    if (job !== undefined) {
      const held = daysBetween(job.startedOn, this.today);
      if (job.kind === 'internship' && held >= 60) {
        this.act(jobcentre, { type: 'EndEmployment', data: { employmentId: job.employmentId, endedOn: this.today } });
        if (r < 0.55) this.startJob('wage-subsidy');
        stage = 3;
      } else if (job.kind === 'wage-subsidy' && held >= 120) {
        this.act(jobcentre, { type: 'EndEmployment', data: { employmentId: job.employmentId, endedOn: this.today } });
        if (r < 0.5) this.startJob(this.random.chance(0.9) ? 'ordinary' : 'flexible');
        stage = 4;
      } else if ((job.kind === 'ordinary' || job.kind === 'flexible') && !selfSufficient && held >= 30 && r < 0.7) {
        this.act(jobcentre, { type: 'RegisterSelfSufficiency', data: { reachedOn: this.today, through: 'employment' } });
        stage = 5;
      } else if (selfSufficient && r < 0.12) {
        this.act(jobcentre, { type: 'EndEmployment', data: { employmentId: job.employmentId, endedOn: this.today } });
        this.act(jobcentre, { type: 'RegisterLossOfSelfSufficiency', data: { lostOn: this.today } });
        stage = 2;
      } else stage = selfSufficient ? 5 : job.kind === 'internship' ? 3 : 4;
    } else if (education !== undefined) {
      const studied = daysBetween(education.startedOn, this.today);
      const short = education.kind === 'course' || education.kind === 'preparatory' || education.kind === 'lower-secondary';
      if (short && studied >= (education.kind === 'course' ? 30 : 150)) {
        if (r < 0.6) {
          this.act(jobcentre, { type: 'CompleteEducation', data: { educationId: education.educationId, completedOn: this.today } });
          if (this.random.chance(0.6)) this.startEducation(this.random.pick(['vocational', 'vocational', 'upper-secondary'] as const));
          stage = 3;
        } else {
          this.act(jobcentre, { type: 'EndEducation', data: { educationId: education.educationId, endedOn: this.today } });
          stage = 2;
        }
      } else if (!short && !selfSufficient && studied >= 90 && r < 0.3) {
        this.act(jobcentre, { type: 'RegisterSelfSufficiency', data: { reachedOn: this.today, through: 'education' } });
        stage = 5;
      } else if (!short && studied >= 500 && r < 0.5) {
        this.act(jobcentre, { type: 'CompleteEducation', data: { educationId: education.educationId, completedOn: this.today } });
        stage = 4;
      } else if (!short && r > 0.9) {
        this.act(jobcentre, { type: 'EndEducation', data: { educationId: education.educationId, endedOn: this.today } });
        if (selfSufficient) this.act(jobcentre, { type: 'RegisterLossOfSelfSufficiency', data: { lostOn: this.today } });
        stage = 2;
      } else stage = selfSufficient ? 5 : short ? 3 : 4;
    } else if (r < 0.08) {
      this.startJob('ordinary');
      stage = 4;
    } else if (r < 0.38) {
      this.startJob('internship');
      stage = 3;
    } else if (r < 0.65) {
      this.startEducation(this.random.chance(0.2) ? 'course' : this.random.chance(0.2) ? 'lower-secondary' : 'preparatory');
      stage = 2;
    } else {
      stage = this.random.int(1, 2);
    }

    if (this.random.chance(0.75)) {
      const scale = this.refData.progressionScale;
      const step = Math.min(
        scale.maxStep,
        Math.max(
          scale.minStep,
          stage +
            this.random.weighted([
              [-1, 15],
              [0, 70],
              [1, 15],
            ]),
        ),
      );
      const note = this.random.chance(0.4) ? { note: this.random.pick(phrases.PROGRESSION_NOTES) } : {};
      this.act(jobcentre, { type: 'AssessProgression', data: { step, assessedBy: jobcentre.agency, assessedOn: this.today, ...note } });
    }
  }

  private startJob(kind: 'internship' | 'wage-subsidy' | 'ordinary' | 'flexible'): void {
    this.act(this.liaison('BIF'), { type: 'StartEmployment', data: { employmentId: this.id('employment'), kind, startedOn: this.today } });
  }

  private startEducation(kind: 'course' | 'preparatory' | 'lower-secondary' | 'vocational' | 'upper-secondary'): void {
    this.act(this.liaison('BIF'), { type: 'StartEducation', data: { educationId: this.id('education'), kind, startedOn: this.today } });
  }

  // ---- Information flow -------------------------------------------------------------------------

  private share(): void {
    if (this.isOpen && this.state.agencies.size >= 2) {
      const agencies = [...this.state.agencies.keys()];
      const from = this.random.weighted(
        agencies.map(
          (a) =>
            [
              a,
              a === 'KBH-POLITI' ? 3 : a === 'BIF' || a === 'SOF' ? 2 : a === 'KBH-FAENGSLER' || a === 'KRIMINALFORSORGEN' ? (this.state.custody ? 3 : 0.5) : 1,
            ] as const,
        ),
      );
      this.shareFrom(from);
    }
    this.after(this.random.int(21, 75), () => this.share());
  }

  /** Section 115: police share for SSP/PSP/KSP, prisons for KSP; municipal data goes on those or consent. */
  private legalBasisFor(from: string): string {
    const afterCustody = this.state.custody !== undefined || this.state.pastCustodies.length > 0;
    if (from === 'KBH-FAENGSLER' || from === 'KRIMINALFORSORGEN') return 'RPL115-1-3';
    if (from === 'KBH-POLITI')
      return this.random.weighted([
        ['RPL115-1-1', 6],
        ['RPL115-1-2', 2],
        ['RPL115-1-3', afterCustody ? 3 : 0],
      ]);
    return this.random.weighted([
      ['RPL115-1-1', 5],
      ['CONSENT', 3],
      ['RPL115-1-3', afterCustody ? 2 : 0],
      ['OTHER', 0.3],
    ]);
  }

  private shareFrom(from: string, legalBasis = this.legalBasisFor(from)): void {
    const others = [...this.state.agencies.keys()].filter((a) => a !== from);
    if (others.length === 0) return;
    const sharedWith = this.random.sample(
      others,
      this.random.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
      ]),
    );
    const sensitivity =
      from === 'SOF' && this.enrolled('EXIT') && this.random.chance(0.5) ? 'sealed-identity' : this.random.chance(0.2) ? 'sensitive' : 'normal';
    const entryId = this.id('entry');
    const shared = this.act(this.liaison(from), {
      type: 'ShareInformation',
      // Always crime prevention: section 115(2) bars disclosure to the police for investigating crime.
      data: {
        entryId,
        fromAgency: from,
        sharedWith,
        legalBasis,
        purpose: 'crime-prevention',
        sensitivity,
        summary: this.text(phrases.SHARE_SUMMARIES[from], 'Orientering til samarbejdspartnerne'),
      },
    });
    if (!shared) return;
    for (const recipient of sharedWith) {
      if (this.random.chance(0.1)) continue; // never acknowledged: the delay the dashboards must show
      const delay = this.random.weighted([
        [0, 35],
        [this.random.int(1, 2), 30],
        [this.random.int(3, 5), 20],
        [this.random.int(6, 10), 15],
      ]);
      this.after(delay, () => {
        const entry = this.state.entries.get(entryId);
        if (!this.isOpen || !this.onCase(recipient) || entry === undefined || entry.acknowledgedBy.has(recipient)) return;
        this.act(this.liaison(recipient), { type: 'AcknowledgeInformation', data: { entryId, agency: recipient } });
      });
    }
  }

  private requestInformation(): void {
    if (this.isOpen && this.coordinator !== undefined) {
      const from = this.random.chance(0.6) ? this.coordinator.agency : this.random.pick(['BIF', 'SOF']);
      const candidates = [...this.state.agencies.keys()].filter((a) => a !== from);
      if (this.onCase(from) && candidates.length > 0) this.requestFrom(from, this.random.pick(candidates));
    }
    this.after(this.random.int(45, 150), () => this.requestInformation());
  }

  private requestFrom(from: string, to: string): void {
    const requestId = this.id('request');
    const afterCustody = this.state.custody !== undefined || this.state.pastCustodies.length > 0;
    const asked = this.act(from === this.coordinator?.agency ? this.coordinator : this.liaison(from), {
      type: 'RequestInformation',
      data: {
        requestId,
        fromAgency: from,
        toAgency: to,
        question: this.random.pick(phrases.QUESTIONS),
        dueDate: addDays(this.today, this.random.int(5, 14)),
        legalBasis: this.random.weighted([
          ['RPL115-1-1', 5],
          ['CONSENT', 2],
          ['RPL115-1-3', afterCustody ? 3 : 0],
        ]),
      },
    });
    if (!asked) return;
    const outcome = this.random.weighted([
      ['answer', 62],
      ['decline', 12],
      ['open', 26],
    ]);
    if (outcome === 'open') return;
    this.after(this.random.int(1, outcome === 'answer' ? 20 : 10), () => {
      if (!this.isOpen || !this.onCase(to) || this.state.requests.get(requestId)?.status !== 'open') return;
      const responder = this.liaison(to);
      if (outcome === 'answer')
        this.act(responder, { type: 'AnswerInformationRequest', data: { requestId, agency: to, answer: this.random.pick(phrases.ANSWERS) } });
      else {
        const reason = to === 'KBH-POLITI' ? this.random.pick(['no-legal-basis', 'not-necessary'] as const) : 'no-information';
        const note = this.random.chance(0.5) ? { note: this.random.pick(phrases.DECLINE_NOTES) } : {};
        this.act(responder, { type: 'DeclineInformationRequest', data: { requestId, agency: to, reason, ...note } });
      }
    });
  }

  // ---- Action plan and case conferences ---------------------------------------------------------

  private responsibleFor(area: GoalArea): string {
    const preferred = AREA_AGENCY[area];
    return this.onCase(preferred) ? preferred : (this.coordinator?.agency ?? this.referrer);
  }

  private makeActionPlan(): void {
    if (!this.isOpen || this.coordinator === undefined) return;
    const areas: GoalArea[] = [
      this.random.chance(0.6) ? 'employment' : 'education',
      ...this.random.sample<GoalArea>(['housing', 'substance-use', 'network', 'finances', 'health', 'leisure', 'other'], this.random.int(1, 3)),
    ];
    for (const area of areas) {
      const goalId = this.id('goal');
      if (!this.act(this.coordinator, { type: 'SetGoal', data: { goalId, area, description: phrases.GOAL_DESCRIPTIONS[area] } })) continue;
      for (let n = this.random.int(1, 2); n > 0; n--) {
        const actionId = this.id('action');
        const dueDate = addDays(this.today, this.random.int(14, 70));
        const added = this.act(this.coordinator, {
          type: 'AddAction',
          data: { actionId, goalId, title: this.random.pick(phrases.ACTION_TITLES[area]), responsibleAgency: this.responsibleFor(area), dueDate },
        });
        if (added) this.followUpAction(actionId, dueDate);
      }
    }
  }

  /** Most actions get done (some late), a few are cancelled, the rest stay open and become overdue. */
  private followUpAction(actionId: string, dueDate: IsoDate): void {
    const outcome = this.random.weighted([
      ['complete', 60],
      ['cancel', 12],
      ['open', 28],
    ]);
    if (outcome === 'open') return;
    const on = outcome === 'complete' ? addDays(dueDate, this.random.int(-12, 20)) : addDays(this.today, this.random.int(7, 60));
    this.sim.schedule(on, () => {
      const action = this.state.actions.get(actionId);
      if (!this.isOpen || action?.status !== 'open') return;
      const actor = this.onCase(action.responsibleAgency) ? this.liaison(action.responsibleAgency) : this.lead();
      if (outcome === 'complete') this.act(actor, { type: 'CompleteAction', data: { actionId, completedOn: this.today } });
      else this.act(this.lead(), { type: 'CancelAction', data: { actionId, reason: this.random.pick(phrases.CANCEL_REASONS) } });
    });
  }

  private conference(): void {
    this.after(this.random.int(75, 150), () => this.conference());
    if (!this.isOpen || this.coordinator === undefined || !this.onCase(this.coordinator.agency)) return;
    const lag = this.random.weighted([
      [0, 6],
      [1, 2],
      [3, 1],
    ]);
    const heldOn = laterOf(addDays(this.today, -lag), this.openedOn);
    const others = [...this.state.agencies.keys()].filter((a) => a !== this.coordinator?.agency);
    const present = [this.coordinator.agency, ...this.random.sample(others, this.random.int(Math.min(1, others.length), others.length))];
    const goals = [...this.state.goals.keys()];
    const decisions = this.random.sample(phrases.CONFERENCE_DECISIONS, this.random.int(1, 3)).map((text) => ({
      decisionId: this.id('decision'),
      text,
      ...(this.random.chance(0.5)
        ? {
            createsAction: {
              actionId: this.id('action'),
              ...(goals.length > 0 && this.random.chance(0.5) ? { goalId: this.random.pick(goals) } : {}),
              responsibleAgency: this.random.pick(present),
              dueDate: addDays(heldOn, this.random.int(14, 60)),
              title: this.random.pick(phrases.ACTION_TITLES[this.random.pick(Object.keys(phrases.ACTION_TITLES) as GoalArea[])]),
            },
          }
        : {}),
    }));
    this.recordConference(heldOn, present, decisions);

    const level = this.level();
    if (level !== undefined && this.random.chance(0.3)) {
      const recentViolence = [...this.state.convictions.values()].some((c) => c.dangerousToPersons && daysBetween(c.convictedOn, this.today) < 180);
      // Most reassessments confirm the level; progress lowers it a step now and then, rarely below 3.
      const lowered = (level === 4 && this.random.chance(0.3)) || (level === 3 && this.random.chance(0.1));
      const next: SspCategory = recentViolence ? 4 : lowered ? ((level - 1) as SspCategory) : level;
      this.assess(this.coordinator, next);
      this.enrolInSspPlus();
    }
    if (this.random.chance(0.07)) this.changeCoordinator();
  }

  private recordConference(
    heldOn: IsoDate,
    agenciesPresent: readonly string[],
    decisions: ReadonlyArray<{
      decisionId: string;
      text: string;
      createsAction?: { actionId: string; goalId?: string; responsibleAgency: string; dueDate: IsoDate; title: string };
    }>,
  ): void {
    if (this.coordinator === undefined) return;
    const held = this.act(this.coordinator, {
      type: 'RecordCaseConference',
      data: { conferenceId: this.id('conference'), heldOn, agenciesPresent, decisions },
    });
    if (!held) return;
    for (const decision of decisions) {
      if (decision.createsAction) this.followUpAction(decision.createsAction.actionId, decision.createsAction.dueDate);
    }
  }

  /** Staff move on; the case passes to a colleague in an administration already on the case. */
  private changeCoordinator(): void {
    const current = this.coordinator;
    if (current === undefined) return;
    const candidates = DEMO_COORDINATORS.filter((c) => c.userId !== current.userId && this.onCase(c.agency));
    if (candidates.length === 0) return;
    const next = this.random.pick(candidates);
    if (this.act(next, { type: 'ChangeCoordinator', data: { coordinatorId: next.userId, agency: next.agency } })) this.coordinator = next;
  }

  // ---- Closing, reopening, retention ------------------------------------------------------------

  private planClosure(): void {
    if (!this.random.chance(0.6)) return;
    this.after(this.random.int(150, 800), () => this.close());
  }

  private close(): void {
    if (!this.isOpen) return;
    // Nobody closes a case while the citizen is inside: the release is when the case matters most.
    if (this.state.custody !== undefined) return this.after(60, () => this.close());
    const age = this.age();
    const reason = this.state.selfSufficiency
      ? 'goals-achieved'
      : age > SSP_PLUS_AGE.gangConflictMax
        ? 'aged-out'
        : this.random.weighted([
            ['goals-achieved', 30],
            ['no-longer-needed', 20],
            ['moved-out-of-municipality', 12],
            ['declined-cooperation', 18],
            ['other', 4],
            ['aged-out', age > SSP_PLUS_AGE.max ? 20 : 0],
          ] as const);
    const lead = this.lead();
    for (const programme of [...this.state.enrolments.keys()]) {
      this.act(lead, {
        type: 'ExitProgramme',
        data: {
          programmeCode: programme,
          endedOn: this.today,
          exitReason: reason === 'moved-out-of-municipality' ? 'moved' : reason === 'goals-achieved' ? 'completed' : 'other',
        },
      });
    }
    const note = this.random.chance(0.4) ? { note: this.random.pick(phrases.CLOSE_NOTES) } : {};
    if (!this.act(lead, { type: 'CloseCase', data: { reason, ...note } })) return;

    const next = this.random.next();
    if (next < 0.18) this.after(this.random.int(60, 500), () => this.reopen());
    else if (next < 0.26) this.after(this.random.int(30, 400), () => this.eraseCitizen());
    if (this.random.chance(0.08)) this.after(this.random.int(10, 200), () => this.placeLegalHold());
  }

  private reopen(): void {
    if (this.state.status !== 'closed') return;
    const police = this.liaison('KBH-POLITI');
    const reason = this.random.pick(phrases.REOPEN_REASONS);
    if (!this.act(reason.includes('politiet') ? police : this.lead(), { type: 'ReopenCase', data: { reason } })) return;
    if (reason.includes('politiet')) this.criminalEpisode(this.random.chance(0.3) ? 'remand' : 'none');
    this.assess(this.lead(), this.random.chance(0.5) ? 4 : 3);
    this.after(this.random.int(7, 30), () => this.enrolInSspPlus());
    this.planClosure();
  }

  private placeLegalHold(): void {
    const holdId = this.id('legal-hold');
    const placed = this.act(LEGAL_ADVISER, {
      type: 'PlaceLegalHold',
      data: { holdId, reason: this.random.pick(phrases.LEGAL_HOLD_REASONS), placedBy: LEGAL_ADVISER.userId },
    });
    if (placed && this.random.chance(0.6)) {
      this.after(this.random.int(30, 300), () => this.act(LEGAL_ADVISER, { type: 'LiftLegalHold', data: { holdId, liftedBy: LEGAL_ADVISER.userId } }));
    }
  }

  /** The citizen asked for erasure after the case closed; refused by the rules while a legal hold stands. */
  private eraseCitizen(): void {
    if (this.state.status !== 'closed' || this.state.legalHolds.size > 0) return;
    this.act(LEGAL_ADVISER, { type: 'EraseCitizenData', data: { scope: 'citizen', reason: 'erasure-request', by: LEGAL_ADVISER.userId } });
  }

  /** The police's own retention ran out for their facts on this case; the rest of the case lives on. */
  private eraseAgencyFacts(): void {
    if (this.state.legalHolds.size > 0 || this.state.citizenErased) return;
    this.act(LEGAL_ADVISER, { type: 'EraseCitizenData', data: { scope: 'KBH-POLITI', reason: 'retention-expired', by: LEGAL_ADVISER.userId } });
  }
}
