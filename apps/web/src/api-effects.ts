import { ApiError } from './api';
import type { Language } from './i18n';

/**
 * The effect reports the programme managers' dashboard reads (`/effects/...`, issue 20): kept apart
 * from api.ts so the switch of api.ts to the typed client does not meet these lines. Reads only, with
 * the session cookie (same origin); the CSV links are plain URLs the browser downloads.
 */

/** A figure as published: a number, "<5" for a small count, or "x" for a cell hidden with it. */
export type PublishedCount = number | string;

export interface PublishedCell {
  key: string;
  people: PublishedCount;
  count: PublishedCount;
  share: number | null;
  median?: number | null;
  suppressed: boolean;
}

export type MeasureCounts = 'people' | 'staff-units' | 'areas';

export interface MeasureSummary {
  code: string;
  title: string;
  cohort: string;
  window: string;
  definition: string;
  counts: MeasureCounts;
  programmes: string[];
  definitionVersion: number;
}

export interface MeasureList {
  suppressionThreshold: number;
  measures: MeasureSummary[];
}

export interface SafetyIndexFigures {
  districtCode: string;
  year: number;
  feltSafety: number;
  victimisation: Record<string, number>;
}

export interface AreaRow {
  programme: string;
  area: 'district' | 'estate';
  areaCode: string;
  areaName: string;
  effortStartedOn: string;
  beforeYear: number;
  afterYear: number | null;
  before: SafetyIndexFigures | null;
  after: SafetyIndexFigures | null;
  feltSafetyChange: number | null;
  note: string | null;
}

interface ReportCommon {
  measure: MeasureSummary;
  asOf: string;
  measurementDate: string;
  programmeFilter: string | null;
  definitionVersion: number;
}

export type PeopleReport = ReportCommon & {
  breakdown: string | null;
  periodGrain: 'quarter' | 'year' | null;
  suppression: string;
  total: PublishedCell;
  cells: PublishedCell[];
  labels: Record<string, string>;
};

export type AreaReport = ReportCommon & { areas: AreaRow[] };

export type MeasureReport = PeopleReport | AreaReport;

export interface DistrictSafety {
  districtCode: string;
  districtName: string | null;
  cityDistrict: string | null;
  safetyIndex: SafetyIndexFigures | null;
  areaEfforts: { programme: string; enrolled: PublishedCount }[];
}

export interface ProgrammeReference {
  code: string;
  name: { da: string; en: string };
  measures: string[];
}

export interface ReportQuery {
  code: string;
  programme?: string;
  by?: string;
  period?: 'quarter' | 'year';
  measurementDate?: string;
  lang: Language;
}

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json, application/problem+json' }, credentials: 'same-origin' });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof parsed['reason'] === 'string' ? parsed['reason'] : 'UNKNOWN',
      typeof parsed['requestId'] === 'string' ? parsed['requestId'] : undefined,
    );
  }
  return parsed as T;
}

function search(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The report's URL; `format=csv` makes it the CSV the API serves (labels in the page's language). */
export function reportUrl(query: ReportQuery, format?: 'csv'): string {
  const { code, lang, ...rest } = query;
  return `/effects/measures/${encodeURIComponent(code)}${search({ ...rest, lang, format })}`;
}

export const effectsApi = {
  measures(lang: Language): Promise<MeasureList> {
    return read(`/effects/measures${search({ lang })}`);
  },
  programmes(): Promise<{ items: ProgrammeReference[] }> {
    return read('/reference-data/programmes');
  },
  report(query: ReportQuery): Promise<MeasureReport> {
    return read(reportUrl(query));
  },
  safetyIndex(year: number): Promise<{ year: number; districts: DistrictSafety[] }> {
    return read(`/effects/safety-index${search({ year: String(year) })}`);
  },
};
