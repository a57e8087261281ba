import type { ReferenceData } from '@samvirke/reference-data';
import {
  countedSubject,
  type AgeBand,
  type CountedSubject,
  type EmploymentKindCode,
  type LabourMarketStatus,
  type MeasureCatalogue,
  type MeasureDefinition,
  type OutcomePredicate,
} from '../measures/measure-definition';
import { ageOnDate, quarterOf } from './calendar-months';
import { levelOn, type CaseHistory } from './case-history';
import { cohortMembersOf, type CohortMember } from './cohort';
import { evaluateOutcome, predicateHasValue } from './outcome-predicates';
import {
  publishCell,
  suppressionRule,
  withReportSuppression,
  type CellFigures,
  type PublishedCell,
} from '@samvirke/platform/disclosure/small-cell-suppression';

export const BREAKDOWNS = ['programme', 'level', 'ageBand', 'cityDistrict', 'period'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export type PeriodGrain = 'quarter' | 'year';

export interface MeasureReportRequest {
  readonly measure: MeasureDefinition;
  readonly catalogue: Pick<MeasureCatalogue, 'ageBands' | 'suppressionThreshold'>;
  readonly refData: Pick<ReferenceData, 'programmes' | 'districts' | 'cityDistricts'>;
  /** The instant the facts were read as of (facts recorded later are not in `histories`). */
  readonly asOf: string;
  /** Windows must end on or before this day. */
  readonly measurementDate: string;
  readonly breakdown?: Breakdown;
  /** A second breakdown for a two-way table (e.g. programme by city district): cells "a × b". */
  readonly breakdown2?: Breakdown;
  readonly periodGrain?: PeriodGrain;
  /** Restrict the cohort to this programme (it must have picked the measure). */
  readonly programme?: string;
  /** The language of the measure's cohort, window and definition texts (default en); the figures are the same in both. */
  readonly lang?: MeasureLanguage;
}

export interface MeasureDescription {
  readonly code: string;
  readonly title: string;
  readonly cohort: string;
  readonly window: string;
  readonly definition: string;
  readonly anchor: MeasureDefinition['anchor'];
  readonly windowMonths: number;
  readonly predicate: OutcomePredicate;
  /** What the figures count: people (cases), staff units (VINK) or areas (the safety index). */
  readonly counts: CountedSubject;
  /** Programmes that picked the measure in reference data: the cohort is drawn from them. */
  readonly programmes: readonly string[];
}

export interface MeasureReport {
  readonly measure: MeasureDescription;
  readonly asOf: string;
  readonly measurementDate: string;
  readonly programmeFilter: string | null;
  /** A Breakdown for people; programme, agency or period for staff units. */
  readonly breakdown: string | null;
  readonly periodGrain: PeriodGrain | null;
  readonly suppression: string;
  readonly total: PublishedCell;
  readonly cells: readonly PublishedCell[];
}

/** Programmes whose reference data lists the measure, and those its definition names (`also`), in code order. */
export function programmesPicking(refData: Pick<ReferenceData, 'programmes'>, measureCode: string, also: readonly string[] = []): string[] {
  return [...refData.programmes.values()]
    .filter((p) => p.measures.includes(measureCode) || also.includes(p.code))
    .map((p) => p.code)
    .sort();
}

/** The language of a measure's texts (cohort, window, definition): Danish, as the console's, or English (the default). */
export type MeasureLanguage = 'da' | 'en';

/** The measure with its cohort, window and definition in words, in the language; codes and numbers stay as they are. */
export function describeMeasure(measure: MeasureDefinition, programmes: readonly string[], lang: MeasureLanguage = 'en'): MeasureDescription {
  const counts = countedSubject(measure.predicate);
  return {
    code: measure.code,
    title: measure.title,
    ...(lang === 'da' ? danishTexts(measure, counts, programmes) : englishTexts(measure, counts, programmes)),
    anchor: measure.anchor,
    windowMonths: measure.windowMonths,
    predicate: measure.predicate,
    counts,
    programmes,
  };
}

type MeasureTexts = Pick<MeasureDescription, 'cohort' | 'window' | 'definition'>;

function englishTexts(measure: MeasureDefinition, counts: CountedSubject, programmes: readonly string[]): MeasureTexts {
  const anchorText =
    measure.anchor === 'enrolment'
      ? 'the first day of their first enrolment in one of the programmes'
      : 'their first release from custody on or after their first enrolment in one of the programmes';
  const from = programmes.length === 0 ? '(no programme has picked this measure)' : programmes.join(', ');
  const cohort =
    counts === 'staff-units'
      ? `Staff units of ${from} with a knowledge assessment before a training and one after it, no later than ${measure.windowMonths} month(s) after the one before and on or before the measurement date; recorded per unit (POST /effects/staff-knowledge), never per citizen.`
      : counts === 'areas'
        ? `The area efforts of ${from} (reference data estates.json: district, estate where known, start date); no people are counted.`
        : `People enrolled in ${from}, counted once each from ${anchorText} (the anchor), if the whole window has ended on or before the measurement date.`;
  return {
    cohort,
    window:
      counts === 'areas'
        ? `Before: the calendar year before the effort started. After: the calendar year in which the day ${measure.windowMonths} month(s) after the start falls, once that day is on or before the measurement date.`
        : `From the anchor day through the same day ${measure.windowMonths} month(s) later (the window's last day included; a day past the month's end falls on its last day).`,
    definition: predicateDefinition(measure.predicate),
  };
}

/** The same texts in plain Danish, in the public sector's words (indskrivning, måleperiode, måledato, sigtelse, dom, løsladelse). */
function danishTexts(measure: MeasureDefinition, counts: CountedSubject, programmes: readonly string[]): MeasureTexts {
  const anchorText =
    measure.anchor === 'enrolment'
      ? 'den første dag i deres første indskrivning i et af programmerne'
      : 'deres første løsladelse på eller efter deres første indskrivning i et af programmerne';
  const from = programmes.length === 0 ? '(intet program har valgt dette effektmål)' : programmes.join(', ');
  const months = `${measure.windowMonths} måned(er)`;
  const cohort =
    counts === 'staff-units'
      ? `Medarbejderenheder i ${from} med en vidensmåling før en uddannelse og en efter den, senest ${months} efter målingen før og på eller før måledatoen; registreret pr. enhed (POST /effects/staff-knowledge), aldrig pr. borger.`
      : counts === 'areas'
        ? `Områdeindsatserne i ${from} (referencedata estates.json: område, boligområde hvor det kendes, startdato); der tælles ingen personer.`
        : `Personer indskrevet i ${from}, talt én gang hver fra ${anchorText} (ankerdagen), hvis hele måleperioden er slut på eller før måledatoen.`;
  return {
    cohort,
    window:
      counts === 'areas'
        ? `Før: kalenderåret før indsatsen startede. Efter: det kalenderår, som dagen ${months} efter starten falder i, når den dag er på eller før måledatoen.`
        : `Fra ankerdagen til og med samme dag ${months} senere (måleperiodens sidste dag medregnet; findes dagen ikke i den måned, bruges månedens sidste dag).`,
    definition: predicateDefinitionDa(measure.predicate),
  };
}

function predicateDefinition(predicate: OutcomePredicate): string {
  switch (predicate.kind) {
    case 'self-sufficient-at':
      return "Counted when self-sufficient on the window's last day (the last self-sufficiency reached/lost on or before it was 'reached').";
    case 'labour-market-status-at':
      return `Counted when the labour-market status on the window's last day is one of: ${predicate.statuses.map(statusText).join(', ')} (precedence: self-sufficient, ordinary job, wage-subsidy job, internship, education, benefits).`;
    case 'ever-wage-subsidy':
      return `Counted when a job of kind ${predicate.employmentKinds.map(jobKindText).join('/')} overlaps the window (started on or before its last day, not ended before the anchor).`;
    case 'progression-gain':
      return "Counted when the last progression step assessed by the window's end is at least one step above the baseline (the last assessment on or before the anchor, else the first in the window); median = steps gained, over people with an assessment.";
    case 'recidivism-charge':
      return "Counted when a new charge is dated after the anchor day and on or before the window's last day.";
    case 'recidivism-conviction':
      return "Counted when a new conviction is dated after the anchor day and on or before the window's last day.";
    case 'recidivism-dangerous':
      return "Counted when a new conviction for a crime dangerous to persons is dated after the anchor day and on or before the window's last day.";
    case 'release-to-jobcentre-days':
      return `Counted when the jobcentre (${predicate.contactAgency}) recorded any activity on the case, or attended a case conference, from the release day through the window's last day; median = days from release to that first contact, over people with a contact.`;
    case 'information-delay':
      return `Counted when information shared in the window was acknowledged by a receiving agency more than ${predicate.thresholdDays} day(s) after it was shared, or not at all.`;
    case 'programme-completed':
      return `Counted when, from the anchor day through the window's last day, the person left ${predicate.programmeCode} with exit reason "completed" (the exit course completed), or was released from custody and a case conference was held from ${predicate.handoverLeadDays} day(s) before through ${predicate.handoverFollowDays} day(s) after the release (the hand-over to the local exit unit; the events record no hand-over of their own, so the conference around the release stands for it, as in road map EXIT_RELEASE_HANDOVER), the conference also inside the window.`;
    case 'plan-action-added':
      return `Counted when an action with ${predicate.agency} responsible was added to the action plan from the anchor day through the window's last day (the events record no signature: the jobcentre's first action in the plan stands for the signed job and education plan, as road map item JOB_EDUCATION_PLAN_SIGNED is met).`;
    case 'employment-started':
      return `Counted when a job of kind ${predicate.employmentKinds.map(jobKindText).join('/')} started from the anchor day through the window's last day (a leisure job is recorded as an employment of one of these kinds: the events have no kind of their own for it).`;
    case 'staff-knowledge-gain':
      return 'Counted per staff unit, never per citizen: a unit whose knowledge assessment after training (held within the window after the assessment before training) has a higher mean score than the one before; median = points gained. Units, not people, are counted in every cell.';
    case 'area-safety-index':
      return `Per area, never per citizen: the safety index (felt safety, 0-100, and victimisation) of the ${predicate.area === 'district' ? "effort's district" : "effort's housing estate, where one is recorded"} in the year before the effort started and in the year the window ends in; no cohort of people.`;
  }
}

/** Status names as published, saying what each includes (flexible jobs count as ordinary jobs). */
export function statusText(status: string): string {
  return status === 'ordinary-job' ? 'ordinary-job (an ordinary or a flexible job, fleksjob)' : status;
}
function jobKindText(kind: string): string {
  return kind === 'flexible' ? 'flexible (fleksjob)' : kind;
}

function predicateDefinitionDa(predicate: OutcomePredicate): string {
  switch (predicate.kind) {
    case 'self-sufficient-at':
      return "Tælles med, når personen er selvforsørgende på måleperiodens sidste dag (den seneste registrering af selvforsørgelse opnået eller mistet på eller før den dag var 'opnået').";
    case 'labour-market-status-at':
      return `Tælles med, når arbejdsmarkedsstatus på måleperiodens sidste dag er en af: ${predicate.statuses.map(statusTextDa).join(', ')} (har personen flere statusser samme dag, gælder den første af: selvforsørgende, ordinært job, løntilskudsjob, praktik, uddannelse, offentlig forsørgelse).`;
    case 'ever-wage-subsidy':
      return `Tælles med, når et job af typen ${orList(predicate.employmentKinds.map(jobKindTextDa))} overlapper måleperioden (startet på eller før dens sidste dag og ikke sluttet før ankerdagen).`;
    case 'progression-gain':
      return 'Tælles med, når det seneste progressionstrin vurderet inden måleperiodens udgang ligger mindst ét trin over udgangspunktet (den seneste vurdering på eller før ankerdagen, ellers den første i måleperioden); median = antal trin frem, blandt personer med en vurdering.';
    case 'recidivism-charge':
      return 'Tælles med, når en ny sigtelse er dateret efter ankerdagen og på eller før måleperiodens sidste dag.';
    case 'recidivism-conviction':
      return 'Tælles med, når en ny dom er dateret efter ankerdagen og på eller før måleperiodens sidste dag.';
    case 'recidivism-dangerous':
      return 'Tælles med, når en ny dom for personfarlig kriminalitet er dateret efter ankerdagen og på eller før måleperiodens sidste dag.';
    case 'release-to-jobcentre-days':
      return `Tælles med, når jobcentret (${predicate.contactAgency}) har registreret en aktivitet i sagen eller deltaget i et netværksmøde fra løsladelsesdagen til og med måleperiodens sidste dag; median = dage fra løsladelsen til den første kontakt, blandt personer med en kontakt.`;
    case 'information-delay':
      return `Tælles med, når information delt i måleperioden blev kvitteret af en modtagende myndighed mere end ${predicate.thresholdDays} dag(e) efter, at den blev delt, eller slet ikke blev kvitteret.`;
    case 'programme-completed':
      return `Tælles med, når personen fra ankerdagen til og med måleperiodens sidste dag er udskrevet af ${predicate.programmeCode} med udskrivningsårsagen "completed" (exitforløbet gennemført), eller er løsladt, og der er holdt et netværksmøde fra ${predicate.handoverLeadDays} dag(e) før til og med ${predicate.handoverFollowDays} dag(e) efter løsladelsen (overdragelsen til den lokale exitenhed; hændelserne registrerer ingen overdragelse i sig selv, så mødet omkring løsladelsen står for den, som i køreplanens EXIT_RELEASE_HANDOVER), og mødet også ligger i måleperioden.`;
    case 'plan-action-added':
      return `Tælles med, når en handling med ${predicate.agency} som ansvarlig er føjet til handleplanen fra ankerdagen til og med måleperiodens sidste dag (hændelserne registrerer ingen underskrift: jobcentrets første handling i planen står for den underskrevne job- og uddannelsesplan, ligesom punktet JOB_EDUCATION_PLAN_SIGNED i køreplanen opfyldes).`;
    case 'employment-started':
      return `Tælles med, når et job af typen ${orList(predicate.employmentKinds.map(jobKindTextDa))} er startet fra ankerdagen til og med måleperiodens sidste dag (et fritidsjob registreres som en ansættelse af en af disse typer: hændelserne har ingen egen type for det).`;
    case 'staff-knowledge-gain':
      return 'Tælles pr. medarbejderenhed, aldrig pr. borger: en enhed, hvis vidensmåling efter uddannelse (holdt inden for måleperioden efter målingen før uddannelse) har en højere gennemsnitsscore end målingen før; median = point frem. Alle celler tæller medarbejderenheder, ikke personer.';
    case 'area-safety-index':
      return `Pr. område, aldrig pr. borger: tryghedsindekset (oplevet tryghed, 0-100, og udsathed for kriminalitet) i ${predicate.area === 'district' ? 'indsatsens område' : 'indsatsens boligområde, hvor et sådant er registreret,'} i året før indsatsen startede og i det år, måleperioden slutter i; ingen kohorte af personer.`;
  }
}

/** The labour-market statuses in Danish, each shown with its code (ordinary-job includes a flexible job, fleksjob). */
const STATUS_NAMES_DA: Readonly<Record<LabourMarketStatus, string>> = {
  benefits: 'offentlig forsørgelse',
  internship: 'praktik',
  'wage-subsidy-job': 'løntilskudsjob',
  'ordinary-job': 'ordinært job eller fleksjob',
  education: 'uddannelse',
  'self-sufficient': 'selvforsørgende',
};
function statusTextDa(status: LabourMarketStatus): string {
  return `${STATUS_NAMES_DA[status]} (${status})`;
}
const JOB_KINDS_DA: Readonly<Record<EmploymentKindCode, string>> = {
  ordinary: 'ordinært job',
  'wage-subsidy': 'løntilskud',
  internship: 'praktik',
  flexible: 'fleksjob',
};
function jobKindTextDa(kind: EmploymentKindCode): string {
  return `${JOB_KINDS_DA[kind]} (${kind})`;
}
/** "a", "a eller b", "a, b eller c". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`;
}

interface Evaluated {
  readonly member: CohortMember;
  readonly history: CaseHistory;
  readonly hit: boolean;
  readonly value?: number;
}

/**
 * A measure over a set of case histories (already limited to facts recorded as of `asOf`): pure,
 * so the same facts and request always give the same report, byte for byte.
 */
export function computeMeasureReport(histories: readonly CaseHistory[], request: MeasureReportRequest): MeasureReport {
  const { measure, catalogue, refData } = request;
  const picking = programmesPicking(refData, measure.code, measure.programmes);
  const programmes = new Set(request.programme === undefined ? picking : picking.filter((code) => code === request.programme));
  const evaluate = (split: boolean): Evaluated[] =>
    histories.flatMap((history) =>
      cohortMembersOf(history, measure, programmes, request.measurementDate, split).map((member) => ({
        member,
        history,
        ...evaluateOutcome(history, member, measure.predicate),
      })),
    );
  const withValue = predicateHasValue(measure.predicate);
  const figures = (rows: readonly Evaluated[]): CellFigures => ({
    people: rows.length,
    count: rows.filter((r) => r.hit).length,
    ...(withValue ? { values: rows.flatMap((r) => (r.value === undefined ? [] : [r.value])) } : {}),
  });
  const threshold = catalogue.suppressionThreshold;
  const people = evaluate(false);
  let cells: PublishedCell[] = [];
  if (request.breakdown !== undefined) {
    const rows = request.breakdown === 'programme' || request.breakdown2 === 'programme' ? evaluate(true) : people;
    const groups = new Map<string, Evaluated[]>();
    for (const row of rows) {
      const key =
        request.breakdown2 === undefined
          ? breakdownKey(request.breakdown, row, request)
          : `${breakdownKey(request.breakdown, row, request)} × ${breakdownKey(request.breakdown2, row, request)}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const key of [...groups.keys()].sort()) cells.push(publishCell(key, figures(groups.get(key) ?? []), threshold));
  }
  // Every figure against the total, by programme too (cells that overlap are taken as adding up,
  // the reader's best guess when few people are in two programmes).
  const protectedFigures = withReportSuppression(publishCell('total', figures(people), threshold), cells, threshold);
  cells = protectedFigures.cells;
  return {
    measure: describeMeasure(measure, picking, request.lang),
    asOf: request.asOf,
    measurementDate: request.measurementDate,
    programmeFilter: request.programme ?? null,
    breakdown: request.breakdown === undefined ? null : request.breakdown2 === undefined ? request.breakdown : `${request.breakdown} × ${request.breakdown2}`,
    periodGrain: request.breakdown === 'period' || request.breakdown2 === 'period' ? (request.periodGrain ?? 'quarter') : null,
    suppression: suppressionRule(threshold),
    total: protectedFigures.total,
    cells,
  };
}

/**
 * The cell a member falls in. Level, age band and city district are taken as of the anchor day,
 * so a person who turns 24 after enrolment stays in the band they entered in; the city district
 * is the one the case's district belonged to in its (versioned) geography.
 */
function breakdownKey(breakdown: Breakdown, row: Evaluated, request: MeasureReportRequest): string {
  const { member, history } = row;
  switch (breakdown) {
    case 'programme':
      return member.programme ?? 'unknown';
    case 'level':
      return String(levelOn(history, member.anchorOn) ?? 'none');
    case 'ageBand':
      return history.birthDate === undefined ? 'unknown' : ageBandOf(request.catalogue.ageBands, ageOnDate(history.birthDate, member.anchorOn));
    case 'cityDistrict': {
      const district = history.districtCode === undefined ? undefined : request.refData.districts.get(history.districtCode);
      return district === undefined ? 'unknown' : `${district.geography}/${district.cityDistrict}`;
    }
    case 'period':
      return (request.periodGrain ?? 'quarter') === 'year' ? member.anchorOn.slice(0, 4) : quarterOf(member.anchorOn);
  }
}

export function ageBandOf(bands: readonly AgeBand[], age: number): string {
  return bands.find((band) => age >= band.minAge && age <= band.maxAge)?.code ?? 'other';
}
