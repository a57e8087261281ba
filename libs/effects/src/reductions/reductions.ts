import { addMonths } from '../engine/calendar-months';
import { factsOfType, type CaseHistory } from '../engine/case-history';

/**
 * Reductions (issue 22): per person, charges and convictions in the N months before enrolment
 * against the N months after, for a cohort (first enrolment in the programme in one calendar year)
 * and a comparison group the programme chooses:
 * - previous-cohort: the same programme's cohort of the year before;
 * - not-enrolled: citizens with a case in the same year who were never enrolled in the programme
 *   (by the end of their after-window), counted from the day their case was opened.
 * Before: from the anchor day N months earlier through the day before the anchor; after: the day
 * after the anchor through the same day N months later (the anchor day itself is in neither: the
 * charge that brought someone in is not a "before" to reduce). Only people whose after-window has
 * ended on or before the measurement date are counted.
 */
export const COMPARISONS = ['previous-cohort', 'not-enrolled'] as const;
export type Comparison = (typeof COMPARISONS)[number];
/** Below this many people in either group the report says in words that they are too small to compare. */
export const MIN_GROUP_FOR_COMPARISON = 20;
const Z = 1.959963984540054;

export interface PersonReduction {
  readonly caseId: string;
  readonly anchorOn: string;
  readonly chargesBefore: number;
  readonly chargesAfter: number;
  readonly convictionsBefore: number;
  readonly convictionsAfter: number;
}

export function reductionOf(history: CaseHistory, anchorOn: string, months: number): PersonReduction {
  const from = addMonths(anchorOn, -months);
  const to = addMonths(anchorOn, months);
  const before = (on: string) => on >= from && on < anchorOn;
  const after = (on: string) => on > anchorOn && on <= to;
  const charges = factsOfType(history, 'charged').map((f) => f.on);
  const convictions = factsOfType(history, 'convicted').map((f) => f.on);
  return {
    caseId: history.caseId,
    anchorOn,
    chargesBefore: charges.filter(before).length,
    chargesAfter: charges.filter(after).length,
    convictionsBefore: convictions.filter(before).length,
    convictionsAfter: convictions.filter(after).length,
  };
}

/** The cohort: first enrolment in `programme` falls in `year`, after-window ended by the measurement date. */
export function cohortReductions(
  histories: readonly CaseHistory[],
  programme: string,
  year: number,
  months: number,
  measurementDate: string,
): PersonReduction[] {
  return histories.flatMap((history) => {
    const first = factsOfType(history, 'enrolled')
      .filter((f) => f.detail.programmeCode === programme)
      .map((f) => f.on)
      .sort()[0];
    if (first === undefined || Number(first.slice(0, 4)) !== year || addMonths(first, months) > measurementDate) return [];
    return [reductionOf(history, first, months)];
  });
}

/** Cases opened in `year`, never enrolled in `programme` through the end of their after-window. */
export function notEnrolledReductions(
  histories: readonly CaseHistory[],
  programme: string,
  year: number,
  months: number,
  measurementDate: string,
): PersonReduction[] {
  return histories.flatMap((history) => {
    const opened = factsOfType(history, 'case-opened')
      .map((f) => f.on)
      .sort()[0];
    if (opened === undefined || Number(opened.slice(0, 4)) !== year) return [];
    const end = addMonths(opened, months);
    if (end > measurementDate) return [];
    if (factsOfType(history, 'enrolled').some((f) => f.detail.programmeCode === programme && f.on <= end)) return [];
    return [reductionOf(history, opened, months)];
  });
}

export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval (95 %) for k of n. */
export function wilson(k: number, n: number): Interval {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { estimate: round(p), low: round(Math.max(0, centre - half)), high: round(Math.min(1, centre + half)) };
}

/** Newcombe's hybrid score interval (95 %) for the difference of two shares, from their Wilson intervals. */
export function shareDifference(k1: number, n1: number, k2: number, n2: number): Interval {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const a = wilsonRaw(k1, n1);
  const b = wilsonRaw(k2, n2);
  const d = p1 - p2;
  return {
    estimate: round(d),
    low: round(d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: round(d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}

/** Mean per-person change (after minus before) with a normal-approximation 95 % interval. */
export function meanChange(differences: readonly number[]): Interval {
  const n = differences.length;
  const mean = differences.reduce((s, d) => s + d, 0) / n;
  const variance = n > 1 ? differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1) : 0;
  const half = Z * Math.sqrt(variance / n);
  return { estimate: round(mean), low: round(mean - half), high: round(mean + half) };
}

function wilsonRaw(k: number, n: number): { low: number; high: number } {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export type Published = number | string;

export interface OffenceReduction {
  /** Events in the N months before and after, over the group. */
  readonly before: Published;
  readonly after: Published;
  /** People with fewer after than before; the share with its Wilson interval. */
  readonly fewer: Published;
  readonly shareFewer: Interval | null;
  /** Mean per-person change (after minus before), 95 % interval. */
  readonly meanChange: Interval | null;
}

export interface GroupReduction {
  readonly group: string;
  readonly people: Published;
  readonly charges: OffenceReduction;
  readonly convictions: OffenceReduction;
}

export interface ReductionComparison {
  /** Cohort minus comparison, share with fewer, Newcombe 95 % interval; null when too small. */
  readonly chargesShareFewerDifference: Interval | null;
  readonly convictionsShareFewerDifference: Interval | null;
  readonly note: string | null;
}

export interface ReductionReport {
  readonly programme: string;
  readonly cohortYear: number;
  readonly months: number;
  readonly comparisonKind: Comparison;
  readonly asOf: string;
  readonly measurementDate: string;
  readonly definition: string;
  readonly suppression: string;
  readonly cohort: GroupReduction;
  readonly comparison: GroupReduction;
  readonly difference: ReductionComparison;
}

/**
 * Disclosure: a group under the threshold shows "<threshold" and nothing else; the number with fewer
 * is hidden (and its share and interval withheld) when it, or the number without fewer, is 1 to
 * threshold-1, since with the group's size either gives the other.
 */
export function groupFigures(group: string, rows: readonly PersonReduction[], threshold: number): GroupReduction {
  const small = (n: number) => n > 0 && n < threshold;
  const n = rows.length;
  const hidden = `<${threshold}`;
  const offence = (before: (r: PersonReduction) => number, after: (r: PersonReduction) => number): OffenceReduction => {
    if (small(n) || n === 0)
      return { before: small(n) ? hidden : 0, after: small(n) ? hidden : 0, fewer: small(n) ? hidden : 0, shareFewer: null, meanChange: null };
    const fewer = rows.filter((r) => after(r) < before(r)).length;
    const fewerHidden = small(fewer) || small(n - fewer);
    return {
      before: rows.reduce((s, r) => s + before(r), 0),
      after: rows.reduce((s, r) => s + after(r), 0),
      fewer: fewerHidden ? hidden : fewer,
      shareFewer: fewerHidden ? null : wilson(fewer, n),
      meanChange: meanChange(rows.map((r) => after(r) - before(r))),
    };
  };
  return {
    group,
    people: small(n) ? hidden : n,
    charges: offence(
      (r) => r.chargesBefore,
      (r) => r.chargesAfter,
    ),
    convictions: offence(
      (r) => r.convictionsBefore,
      (r) => r.convictionsAfter,
    ),
  };
}

export function compareGroups(
  cohort: readonly PersonReduction[],
  comparison: readonly PersonReduction[],
  a: GroupReduction,
  b: GroupReduction,
  lang: ReductionLanguage = 'en',
): ReductionComparison {
  const tooSmall = cohort.length < MIN_GROUP_FOR_COMPARISON || comparison.length < MIN_GROUP_FOR_COMPARISON;
  if (tooSmall) {
    return {
      chargesShareFewerDifference: null,
      convictionsShareFewerDifference: null,
      note:
        lang === 'da'
          ? `Grupperne er for små til at sammenligne: hver skal have mindst ${MIN_GROUP_FOR_COMPARISON} personer, hvis hele efterperiode er observeret.`
          : `The groups are too small to compare: each needs at least ${MIN_GROUP_FOR_COMPARISON} people with their whole after-window observed.`,
    };
  }
  const difference = (x: OffenceReduction, y: OffenceReduction, fewer: (r: PersonReduction) => boolean) =>
    x.shareFewer === null || y.shareFewer === null
      ? null
      : shareDifference(cohort.filter(fewer).length, cohort.length, comparison.filter(fewer).length, comparison.length);
  const charges = difference(a.charges, b.charges, (r) => r.chargesAfter < r.chargesBefore);
  const convictions = difference(a.convictions, b.convictions, (r) => r.convictionsAfter < r.convictionsBefore);
  return {
    chargesShareFewerDifference: charges,
    convictionsShareFewerDifference: convictions,
    note:
      charges === null || convictions === null
        ? lang === 'da'
          ? 'En andel med færre er skjult i en af grupperne (små tal), så den forskel vises ikke.'
          : 'A share with fewer is hidden in one of the groups (small numbers), so that difference is not shown.'
        : null,
  };
}

/** The report's texts are in its language: Danish first, as the console's, and English. */
export type ReductionLanguage = 'da' | 'en';

export function reductionDefinition(months: number, comparison: Comparison, lang: ReductionLanguage = 'en'): string {
  if (lang === 'da')
    return (
      `Pr. person: sigtelser og domme dateret i de ${months} måned(er) før ankerdagen (fra samme dag ${months} måned(er) tidligere til og med dagen før) mod dem efter den (fra dagen efter til og med samme dag ${months} måned(er) senere); ankerdagen hører til ingen af dem. ` +
      `Kohorte: personer, hvis første indskrivning i programmet falder i kohorteåret, forankret på den dag. ` +
      (comparison === 'previous-cohort'
        ? 'Sammenligning: samme programs kohorte året før, talt på samme måde. '
        : 'Sammenligning: borgere, hvis sag blev oprettet i kohorteåret, og som ikke var indskrevet i programmet ved udgangen af deres efterperiode, forankret på den dag, sagen blev oprettet. ') +
      `Talt, når efterperioden er slut på eller før måledatoen. Andele har Wilsons 95 %-interval; forskellen mellem andelene med færre har Newcombes 95 %-interval; gennemsnitlige ændringer har 95 %-intervaller efter normalfordelingen. Med færre end ${MIN_GROUP_FOR_COMPARISON} personer i en af grupperne sammenlignes der ikke.`
    );
  return (
    `Per person, charges and convictions dated in the ${months} month(s) before the anchor (from the same day ${months} month(s) earlier through the day before) against those after it (the day after through the same day ${months} month(s) later); the anchor day is in neither. ` +
    `Cohort: people whose first enrolment in the programme falls in the cohort year, anchored on that day. ` +
    (comparison === 'previous-cohort'
      ? "Comparison: the same programme's cohort of the year before, counted the same way. "
      : 'Comparison: citizens whose case was opened in the cohort year and who were not enrolled in the programme by the end of their after-window, anchored on the day their case was opened. ') +
    `Counted when the after-window has ended on or before the measurement date. Shares have Wilson 95 % intervals; the difference of the shares with fewer has Newcombe's 95 % interval; mean changes have normal-approximation 95 % intervals. Below ${MIN_GROUP_FOR_COMPARISON} people in either group no comparison is made.`
  );
}

function suppressionText(threshold: number, lang: ReductionLanguage): string {
  return lang === 'da'
    ? `Grupper med færre end ${threshold} personer vises som "<${threshold}" og intet andet; antallet med færre (og dets andel) skjules, når det eller antallet uden færre er 1-${threshold - 1}.`
    : `Groups of fewer than ${threshold} people show "<${threshold}" and nothing else; the number with fewer (and its share) is hidden when it or the number without fewer is 1-${threshold - 1}.`;
}

export function computeReductionReport(
  histories: readonly CaseHistory[],
  request: {
    programme: string;
    cohortYear: number;
    months: number;
    comparison: Comparison;
    asOf: string;
    measurementDate: string;
    threshold: number;
    lang?: ReductionLanguage;
  },
): ReductionReport {
  const lang = request.lang ?? 'en';
  const cohortRows = cohortReductions(histories, request.programme, request.cohortYear, request.months, request.measurementDate);
  const comparisonRows =
    request.comparison === 'previous-cohort'
      ? cohortReductions(histories, request.programme, request.cohortYear - 1, request.months, request.measurementDate)
      : notEnrolledReductions(histories, request.programme, request.cohortYear, request.months, request.measurementDate);
  const cohort = groupFigures('cohort', cohortRows, request.threshold);
  const comparison = groupFigures(request.comparison, comparisonRows, request.threshold);
  return {
    programme: request.programme,
    cohortYear: request.cohortYear,
    months: request.months,
    comparisonKind: request.comparison,
    asOf: request.asOf,
    measurementDate: request.measurementDate,
    definition: reductionDefinition(request.months, request.comparison, lang),
    suppression: suppressionText(request.threshold, lang),
    cohort,
    comparison,
    difference: compareGroups(cohortRows, comparisonRows, cohort, comparison, lang),
  };
}
