/**
 * The city-wide delay statistics as published: one closed calendar month, cells per (kind, sending
 * agency, receiving agency), with the effect measures' disclosure rules (libs/platform
 * small-cell-suppression), so the two kinds of city-wide figure cannot be played against each other:
 * - a cell's item count of 1-4 is shown as "<5", and so is a count of still-unanswered items of 1-4
 *   (one late acknowledgement between two small agencies points at one case);
 * - median and 90th percentile need at least five answered items;
 * - the report-wide rule of the effect reports (withReportSuppression): while a hidden item count or
 *   still-unanswered count could be worked out exactly from the total and the other cells, the
 *   smallest shown cell is hidden too ("x"), and the total with them when no cell is left.
 * Suppression is decided over the whole month before any filter, so asking for one agency pair
 * cannot un-hide a complement the full answer hides.
 */
import { copenhagenDate } from '@samvirke/case';
import {
  publishCell,
  suppressionRule,
  withReportSuppression,
  type PublishedCell,
  type PublishedCount,
} from '@samvirke/platform/disclosure/small-cell-suppression';
import type { FlowKind } from './information-flow-query.dto';

/** The effect measures' threshold (libs/effects measures.json `suppressionThreshold`). */
export const SMALL_CELL_THRESHOLD = 5;

export interface DelayFigures {
  kind: FlowKind;
  fromAgency: string;
  toAgency: string;
  /** Items sent in the month. */
  count: number;
  /** Of those, not yet acknowledged / answered / declined when the month ended. */
  unacknowledged: number;
  /** Hours from sent to responded, of the items responded to before the month ended. */
  delays: readonly number[];
}

export interface DelayCell {
  kind: FlowKind;
  fromAgency: string;
  toAgency: string;
  /** A number, "<5" (1-4) or "x" (hidden so that another hidden cell cannot be worked out). */
  count: PublishedCount;
  unacknowledged: PublishedCount;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface DelayStatistics {
  period: { month: string; from: string; to: string };
  suppression: string;
  total: { count: PublishedCount; unacknowledged: PublishedCount };
  items: DelayCell[];
}

export interface ClosedMonth {
  month: string;
  /** First and last day (yyyy-mm-dd), and the first day of the next month (exclusive end). */
  from: string;
  to: string;
  endExclusive: string;
}

/**
 * The month to publish: the one asked for if it has ended by `now` in Copenhagen, else undefined;
 * without a request, the last month that has ended. The running month is never published: figures
 * that grow during the day let two reads a minute apart tell what just happened.
 */
export function closedMonth(now: Date, requested?: string): ClosedMonth | undefined {
  const running = copenhagenDate(now).slice(0, 7);
  const month = requested ?? shiftMonth(running, -1);
  if (month >= running) return undefined;
  const endExclusive = `${shiftMonth(month, 1)}-01`;
  const last = new Date(`${endExclusive}T00:00:00Z`);
  last.setUTCDate(0);
  return { month, from: `${month}-01`, to: last.toISOString().slice(0, 10), endExclusive };
}

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function publishDelayStatistics(
  period: ClosedMonth,
  figures: readonly DelayFigures[],
  filter: { kind?: FlowKind; fromAgency?: string; toAgency?: string } = {},
  threshold = SMALL_CELL_THRESHOLD,
): DelayStatistics {
  const keyOf = (f: Pick<DelayFigures, 'kind' | 'fromAgency' | 'toAgency'>) => `${f.kind}|${f.fromAgency}|${f.toAgency}`;
  const byKey = new Map(figures.map((f) => [keyOf(f), f]));
  // people = items in the cell, count = items still open: the same shape as an effect measure's cell.
  const { total, cells } = withReportSuppression(
    publishCell('total', { people: sum(figures.map((f) => f.count)), count: sum(figures.map((f) => f.unacknowledged)) }, threshold),
    [...byKey.keys()].sort().map((key) => {
      const f = byKey.get(key) as DelayFigures;
      return publishCell(key, { people: f.count, count: f.unacknowledged, values: f.delays }, threshold);
    }),
    threshold,
  );
  const items = cells
    .map((cell) => delayCell(cell, byKey.get(cell.key) as DelayFigures))
    .filter(
      (cell) =>
        (filter.kind === undefined || cell.kind === filter.kind) &&
        (filter.fromAgency === undefined || cell.fromAgency === filter.fromAgency) &&
        (filter.toAgency === undefined || cell.toAgency === filter.toAgency),
    );
  return {
    period: { month: period.month, from: period.from, to: period.to },
    suppression: `${suppressionRule(threshold)} Here a cell is one kind of flow from one agency to another in one calendar month; "people" are its items and "count" those not yet responded to when the month ended.`,
    total: { count: total.people, unacknowledged: total.count },
    items,
  };
}

function delayCell(cell: PublishedCell, figures: DelayFigures): DelayCell {
  // publishCell gives a median only from enough values in a cell that is not hidden; the 90th
  // percentile follows the same rule.
  const shown = cell.median !== null && cell.median !== undefined;
  return {
    kind: figures.kind,
    fromAgency: figures.fromAgency,
    toAgency: figures.toAgency,
    count: cell.people,
    unacknowledged: cell.count,
    medianHours: shown ? round(cell.median) : null,
    p90Hours: shown ? round(percentile(figures.delays, 0.9)) : null,
  };
}

/** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const round = (value: number) => Math.round(value * 100) / 100;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
