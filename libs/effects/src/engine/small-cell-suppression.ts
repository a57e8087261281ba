/**
 * Small-cell suppression: wherever a number of people is published (JSON, CSV, chart), a count of
 * 1 to threshold-1 is replaced by "<threshold" and the share and median derived from it are
 * withheld, so nobody can be singled out. Zero is shown: it singles out no one. Complementary
 * suppression (working a hidden cell out from a total minus the other cells) is out of scope; see
 * the report's `suppression` text.
 */
export type PublishedCount = number | string;

export interface CellFigures {
  readonly people: number;
  readonly count: number;
  /** Values behind the median (only for kinds that measure an amount). */
  readonly values?: readonly number[];
}

export interface PublishedCell {
  readonly key: string;
  readonly people: PublishedCount;
  readonly count: PublishedCount;
  readonly share: number | null;
  readonly median?: number | null;
  readonly suppressed: boolean;
}

export function publishCell(key: string, figures: CellFigures, threshold: number): PublishedCell {
  const small = (n: number) => n > 0 && n < threshold;
  const hidden = `<${threshold}`;
  const peopleHidden = small(figures.people);
  const countHidden = peopleHidden || small(figures.count);
  const share = countHidden || figures.people === 0 ? null : Math.round((figures.count / figures.people) * 10_000) / 10_000;
  const cell: PublishedCell = {
    key,
    people: peopleHidden ? hidden : figures.people,
    count: countHidden ? hidden : figures.count,
    share,
    suppressed: countHidden,
  };
  if (figures.values === undefined) return cell;
  return { ...cell, median: peopleHidden || figures.values.length < threshold ? null : medianOf(figures.values) };
}

export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function suppressionRule(threshold: number): string {
  return `Cells where fewer than ${threshold} people are counted (1-${threshold - 1}) show "<${threshold}" and no share or median; a median needs at least ${threshold} values. Complementary suppression across cells is not applied.`;
}
