import type { ReferenceData } from '@samvirke/reference-data';
import type { MeasureCatalogue } from '../measures/measure-definition';
import { ageOnDate } from '../engine/calendar-months';
import { employmentPeriods, factsOfType, levelOn, selfSufficientOn, type CaseHistory } from '../engine/case-history';
import { ageBandOf } from '../engine/measure-report';
import {
  COMPLEMENTARY_MARK,
  publishCell,
  suppressionRule,
  withReportSuppression,
  type PublishedCell,
} from '@samvirke/platform/disclosure/small-cell-suppression';

/**
 * Status figures on a date (issue 22): where the people enrolled in a programme stand on one day,
 * without waiting for a measure's window to end. Nothing but counts is published.
 */
export const STATUS_FIGURES = ['wage-subsidy-job', 'job-or-education', 'self-sufficient', 'in-custody'] as const;
export type StatusFigure = (typeof STATUS_FIGURES)[number];
export const STATUS_BREAKDOWNS = ['programme', 'level', 'ageBand', 'cityDistrict'] as const;
export type StatusBreakdown = (typeof STATUS_BREAKDOWNS)[number];

export const STATUS_DEFINITIONS: Readonly<Record<StatusFigure, string>> = {
  'wage-subsidy-job': 'In a wage-subsidy job on the date: a job of kind wage-subsidy started on or before it and not ended before it (its last day counts).',
  'job-or-education':
    'In a job or education on the date: a job of any kind (ordinary, flexible (fleksjob), wage-subsidy, internship) or an education started on or before it and not ended or completed before it.',
  'self-sufficient': "Self-sufficient on the date: the last self-sufficiency reached/lost on or before it was 'reached'.",
  'in-custody': 'In custody on the date: a custody started on or before it and not released on or before it (the day of release is a day out).',
};

export interface StatusRequest {
  readonly date: string;
  readonly asOf: string;
  readonly catalogue: Pick<MeasureCatalogue, 'ageBands' | 'suppressionThreshold'>;
  readonly refData: Pick<ReferenceData, 'programmes' | 'districts'>;
  readonly breakdown?: StatusBreakdown;
  readonly programme?: string;
}

export interface StatusFigureCells {
  readonly status: StatusFigure;
  readonly definition: string;
  readonly total: PublishedCell;
  readonly cells: readonly PublishedCell[];
}

export interface StatusReport {
  readonly date: string;
  readonly asOf: string;
  readonly population: string;
  readonly programmeFilter: string | null;
  readonly breakdown: StatusBreakdown | null;
  readonly suppression: string;
  readonly figures: readonly StatusFigureCells[];
}

/** Programmes the case is enrolled in on `date`: started on or before it, not left before it (the day it is left counts). */
export function programmesOn(history: CaseHistory, date: string): string[] {
  const current = new Map<string, boolean>();
  for (const fact of history.facts) {
    if (fact.on > date) break;
    if (fact.detail.type === 'enrolled') current.set(fact.detail.programmeCode, true);
    if (fact.detail.type === 'exited' && fact.on < date) current.set(fact.detail.programmeCode, false);
  }
  return [...current.entries()]
    .filter(([, on]) => on)
    .map(([code]) => code)
    .sort();
}

export function statusOn(history: CaseHistory, status: StatusFigure, date: string): boolean {
  const working = employmentPeriods(history).filter((p) => p.startedOn <= date && (p.endedOn === undefined || p.endedOn >= date));
  switch (status) {
    case 'wage-subsidy-job':
      return working.some((p) => p.kind === 'wage-subsidy');
    case 'job-or-education': {
      if (working.length > 0) return true;
      const ends = new Map<string, string>();
      for (const f of history.facts) if (f.detail.type === 'education-ended' || f.detail.type === 'education-completed') ends.set(f.detail.educationId, f.on);
      return factsOfType(history, 'education-started').some((f) => f.on <= date && (ends.get(f.detail.educationId) ?? '9999-12-31') >= date);
    }
    case 'self-sufficient':
      return selfSufficientOn(history, date);
    case 'in-custody': {
      // Custodies by id; a fact without one (none since outcome projection version 2) takes the first release on or after its start.
      const releases = factsOfType(history, 'released');
      return factsOfType(history, 'custody-started').some((start) => {
        if (start.on > date) return false;
        const release =
          start.detail.custodyId !== undefined ? releases.find((r) => r.detail.custodyId === start.detail.custodyId) : releases.find((r) => r.on >= start.on);
        return release === undefined || release.on > date;
      });
    }
  }
}

export function computeStatusReport(histories: readonly CaseHistory[], request: StatusRequest): StatusReport {
  const threshold = request.catalogue.suppressionThreshold;
  type Row = { history: CaseHistory; programmes: string[] };
  const rows: Row[] = histories.flatMap((history) => {
    const programmes = programmesOn(history, request.date).filter((code) => request.programme === undefined || code === request.programme);
    return programmes.length === 0 ? [] : [{ history, programmes }];
  });
  const keysOf = (row: Row): string[] => {
    switch (request.breakdown) {
      case undefined:
        return [];
      case 'programme':
        return row.programmes;
      case 'level':
        return [String(levelOn(row.history, request.date) ?? 'none')];
      case 'ageBand':
        return [row.history.birthDate === undefined ? 'unknown' : ageBandOf(request.catalogue.ageBands, ageOnDate(row.history.birthDate, request.date))];
      case 'cityDistrict': {
        const district = row.history.districtCode === undefined ? undefined : request.refData.districts.get(row.history.districtCode);
        return [district === undefined ? 'unknown' : `${district.geography}/${district.cityDistrict}`];
      }
    }
  };
  const keys = [...new Set(rows.flatMap(keysOf))].sort();
  let figures = STATUS_FIGURES.map((status) => {
    const hits = rows.map((row) => statusOn(row.history, status, request.date));
    const total = publishCell('total', { people: rows.length, count: hits.filter(Boolean).length }, threshold);
    const cells = keys.map((key) => {
      const inCell = rows.map((row, i) => ({ row, hit: hits[i] })).filter(({ row }) => keysOf(row).includes(key));
      return publishCell(key, { people: inCell.length, count: inCell.filter((r) => r.hit).length }, threshold);
    });
    return { status, definition: STATUS_DEFINITIONS[status], ...withReportSuppression(total, cells, threshold) };
  });
  // The people are the same in every figure: a cell (or total) whose people one figure hides is
  // hidden in all, and each figure is protected again, until nothing changes.
  for (;;) {
    const hiddenPeople = new Set(figures.flatMap((f) => [f.total, ...f.cells].filter((c) => typeof c.people !== 'number').map((c) => c.key)));
    let changed = false;
    const hide = (cell: PublishedCell): PublishedCell => {
      if (!hiddenPeople.has(cell.key) || typeof cell.people !== 'number') return cell;
      changed = true;
      return { ...cell, people: COMPLEMENTARY_MARK, count: COMPLEMENTARY_MARK, share: null, suppressed: true };
    };
    figures = figures.map((f) => ({ ...f, ...withReportSuppression(hide(f.total), f.cells.map(hide), threshold) }));
    if (!changed) break;
  }
  return {
    date: request.date,
    asOf: request.asOf,
    population: `People enrolled on the date in ${request.programme ?? 'any programme'} (enrolled on or before it, not left before it), counted once each${request.breakdown === 'programme' ? '; by programme a person enrolled in two is in both cells' : ''}.`,
    programmeFilter: request.programme ?? null,
    breakdown: request.breakdown ?? null,
    suppression: suppressionRule(threshold) + ' A cell whose people one figure hides is hidden in every figure.',
    figures,
  };
}
