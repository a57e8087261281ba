/**
 * Plays one case forward in time, with the real decider as referee. The story (demo-scenario.ts)
 * schedules intentions ("on this date, the police share something"); the simulation runs them in
 * date order, and each command an intention issues is decided against the case as it stands at that
 * moment. A command the rules refuse is dropped, not recorded, so the scenario can only ever contain
 * steps the decider accepts when the seeder replays them with the same `now`.
 */
import { CaseRuleViolation, copenhagenDate, decide, evolve, initialCaseState, type CaseReferenceData, type CaseState, type IsoDate } from '@samvirke/case';
import { instantOn } from './demo-calendar';
import type { SeededRandom } from './seeded-random';
import { sealCommand, type UnsealedCommand } from './unsealed-command';

export interface DemoActor {
  readonly userId: string;
  readonly agency: string;
}

export interface DemoStep {
  /** When the command is issued: the decider's `now`. Every date in the command is on or before it. */
  readonly at: Date;
  readonly actor: DemoActor;
  readonly command: UnsealedCommand;
}

interface Intention {
  readonly on: IsoDate;
  readonly order: number;
  readonly run: () => void;
}

/** Stand-ins for the decision only: the decider never looks inside sealed values or at the hash. */
const PLACEHOLDER_IDENTITY = { citizenId: '00000000-0000-4000-8000-000000000000' };
const PLACEHOLDER_SEALED = { sealed: 'demo' };

/** Office hours, as minutes after midnight UTC: 07:00-12:00 UTC is 08:00-14:00 in Copenhagen. */
const WORKDAY_START_MINUTES = 7 * 60;
const WORKDAY_START_SPREAD = 5 * 60;
/** Kept well before 22:00 UTC, when the Copenhagen date turns in summer. */
const LATEST_MINUTES = 20 * 60;

export class CaseSimulation {
  private caseState: CaseState = initialCaseState();
  private readonly recorded: DemoStep[] = [];
  private readonly refusals = new Map<string, number>();
  private readonly agenda: Intention[] = [];
  private scheduled = 0;
  private lastAt: Date | undefined;
  private currentDay: IsoDate;

  constructor(
    private readonly random: SeededRandom,
    private readonly refData: CaseReferenceData,
    /** The last calendar date a step may fall on. */
    readonly lastDate: IsoDate,
    firstDate: IsoDate,
  ) {
    this.currentDay = firstDate;
  }

  get state(): CaseState {
    return this.caseState;
  }

  /** The date of the intention being run: the story's "today". */
  get today(): IsoDate {
    return this.currentDay;
  }

  get steps(): readonly DemoStep[] {
    return this.recorded;
  }

  /** Commands the rules refused, by `type:reason`; the story avoids most, the rest show where it is rough. */
  get refused(): ReadonlyMap<string, number> {
    return this.refusals;
  }

  /** Runs `run` on `on` (or today, if `on` has passed); intentions beyond the last date never run. */
  schedule(on: IsoDate, run: () => void): void {
    const day = on < this.currentDay ? this.currentDay : on;
    if (day > this.lastDate) return;
    const intention: Intention = { on: day, order: this.scheduled++, run };
    let index = this.agenda.length;
    while (index > 0 && this.agenda[index - 1].on > day) index--;
    this.agenda.splice(index, 0, intention);
  }

  play(): void {
    for (let next = this.agenda.shift(); next; next = this.agenda.shift()) {
      this.currentDay = next.on;
      next.run();
    }
  }

  /** Issues a command today; true when the rules accepted it. */
  act(actor: DemoActor, command: UnsealedCommand): boolean {
    const at = this.nextInstant();
    const sealed = sealCommand(command, PLACEHOLDER_IDENTITY, () => PLACEHOLDER_SEALED);
    let events;
    try {
      events = decide(sealed, this.caseState, { now: at, refData: this.refData });
    } catch (error) {
      if (!(error instanceof CaseRuleViolation)) throw error;
      const key = `${command.type}:${error.reason}`;
      this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
      return false;
    }
    for (const event of events) this.caseState = evolve(this.caseState, event);
    this.recorded.push({ at, actor, command });
    this.lastAt = at;
    return true;
  }

  /** Later than the previous step, on today's date in Copenhagen. */
  private nextInstant(): Date {
    const day = this.currentDay;
    const fresh = instantOn(day, WORKDAY_START_MINUTES + this.random.int(0, WORKDAY_START_SPREAD));
    let at = fresh;
    if (this.lastAt !== undefined && copenhagenDate(this.lastAt) === day) {
      const lastMinutes = Math.floor((this.lastAt.getTime() - instantOn(day, 0).getTime()) / 60_000);
      at = instantOn(day, Math.min(lastMinutes + this.random.int(3, 25), Math.max(LATEST_MINUTES, lastMinutes + 1)));
      if (at.getTime() <= this.lastAt.getTime()) at = new Date(this.lastAt.getTime() + 1_000);
    }
    return at;
  }
}
