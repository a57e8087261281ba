/**
 * Small-cell suppression: wherever a number of people is published (JSON, CSV, chart), a count of
 * 1 to threshold-1 is replaced by "<threshold" and the share and median derived from it are
 * withheld, so nobody can be singled out. Zero is shown: it singles out no one. In a breakdown whose
 * cells add up to the published total, a single hidden cell could be worked out as the total minus
 * the others, so one more cell is hidden with it (see withComplementarySuppression).
 *
 * It lives in the platform library, below every feature library, so the effect reports and the
 * read models' city-wide statistics (libs/projections) use the one rule without either library
 * importing the other (effects already imports projections).
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

/** Marks a cell hidden only so that a smaller hidden cell cannot be recovered from the total. */
export const COMPLEMENTARY_MARK = 'x';

/**
 * When exactly one cell of a partition is hidden, the total minus the visible cells would give it
 * away; hiding the smallest other non-empty cell as well leaves only the sum of two cells to be
 * worked out, which singles out nobody. Two or more hidden cells already protect each other.
 */
export function withComplementarySuppression(cells: readonly PublishedCell[]): PublishedCell[] {
  const hidden = cells.filter((cell) => cell.suppressed);
  if (hidden.length !== 1) return [...cells];
  let smallest: PublishedCell | undefined;
  for (const cell of cells) {
    if (cell.suppressed || typeof cell.people !== 'number' || cell.people === 0) continue;
    if (smallest === undefined || cell.people < (smallest.people as number) || (cell.people === smallest.people && cell.key < smallest.key)) smallest = cell;
  }
  if (smallest === undefined) return [...cells];
  const complement: PublishedCell = {
    ...smallest,
    people: COMPLEMENTARY_MARK,
    count: COMPLEMENTARY_MARK,
    share: null,
    suppressed: true,
    ...(smallest.median === undefined ? {} : { median: null }),
  };
  return cells.map((cell) => (cell === smallest ? complement : cell));
}

export function suppressionRule(threshold: number): string {
  return `Cells where fewer than ${threshold} people are counted (1-${threshold - 1}) show "<${threshold}" and no share or median; a median needs at least ${threshold} values. Where a breakdown's cells add up to the total and only one is hidden, the smallest other cell is hidden too and shows "${COMPLEMENTARY_MARK}", so no hidden cell can be worked out from the total. In the effect reports the same holds for every figure (people and counts) against the total, by programme too where cells overlap: cells are hidden ("${COMPLEMENTARY_MARK}") until no hidden figure other than zero can be worked out exactly from the others, and the total's figures with them when no cell is left.`;
}

/**
 * What a reader who knows this rule can tell about a published figure: an interval of possible true
 * values. A number is exact; "<threshold" is 1..threshold-1 (zero is shown, so a hidden cell is never
 * empty; a hidden count beside hidden people may be 0); a complementary "x" hid a shown, non-empty
 * cell: its people are at least the threshold, its count anything; a hidden total (key "total") anything.
 */
export function publishedInterval(cell: PublishedCell, figure: 'people' | 'count', threshold: number): [number, number] {
  const value = cell[figure];
  if (typeof value === 'number') return [value, value];
  if (value === COMPLEMENTARY_MARK && cell.key === 'total') return [0, Number.POSITIVE_INFINITY];
  if (value === COMPLEMENTARY_MARK) return figure === 'people' ? [threshold, Number.POSITIVE_INFINITY] : [0, Number.POSITIVE_INFINITY];
  if (figure === 'count' && typeof cell.people !== 'number') return [0, threshold - 1];
  return [1, threshold - 1];
}

/**
 * The cells whose figure a reader could work out exactly from the total and the other cells, taking
 * the cells as a partition of the total (by programme they may overlap; a reader who assumes they do
 * not gets at least as tight a bound, so this is the stricter test). With one equation and box
 * constraints a cell can take every whole value between its lower and upper bound.
 */
export function recoverableCells(total: PublishedCell, cells: readonly PublishedCell[], figure: 'people' | 'count', threshold: number): string[] {
  const boxes = cells.map((cell) => publishedInterval(cell, figure, threshold));
  const [sumLow, sumHigh] = publishedInterval(total, figure, threshold);
  const found: string[] = [];
  cells.forEach((cell, i) => {
    if (typeof cell[figure] === 'number') return;
    const [lo, hi] = boxes[i];
    // Sums over the other cells (not "all minus this one": infinity minus infinity is no number).
    const othersLow = boxes.reduce((s, box, j) => (j === i ? s : s + box[0]), 0);
    const othersHigh = boxes.reduce((s, box, j) => (j === i ? s : s + box[1]), 0);
    const lower = Math.max(lo, sumLow - othersHigh);
    const upper = Math.min(hi, sumHigh - othersLow);
    // A zero worked out singles out nobody (zero is shown anyway).
    if (lower === upper && lower > 0) found.push(cell.key);
  });
  return found;
}

/**
 * Complementary suppression that holds for every figure of a report (people and counts, against the
 * total) and for cells that overlap (by programme): while a reader who knows the rule could work out
 * a hidden figure exactly (recoverableCells), the smallest shown non-empty cell is hidden as well
 * ("x"); when no cell is left to hide, the total's figures are hidden too. Applied to a partition it
 * hides at least what withComplementarySuppression hides.
 */
export function withReportSuppression(
  total: PublishedCell,
  cells: readonly PublishedCell[],
  threshold: number,
): { total: PublishedCell; cells: PublishedCell[] } {
  let current = [...cells];
  let published = total;
  const hide = (cell: PublishedCell): PublishedCell => ({
    ...cell,
    people: COMPLEMENTARY_MARK,
    count: COMPLEMENTARY_MARK,
    share: null,
    suppressed: true,
    ...(cell.median === undefined ? {} : { median: null }),
  });
  for (;;) {
    const exposed = (['people', 'count'] as const).some((figure) => recoverableCells(published, current, figure, threshold).length > 0);
    if (!exposed) break;
    let smallest: PublishedCell | undefined;
    for (const cell of current) {
      if (typeof cell.people !== 'number' || cell.people === 0 || typeof cell.count !== 'number') continue;
      if (smallest === undefined || cell.people < (smallest.people as number) || (cell.people === smallest.people && cell.key < smallest.key)) smallest = cell;
    }
    if (smallest === undefined) {
      if (published.people === COMPLEMENTARY_MARK && published.count === COMPLEMENTARY_MARK) break;
      published = hide(published);
      continue;
    }
    const chosen = smallest;
    current = current.map((cell) => (cell === chosen ? hide(cell) : cell));
  }
  return { total: published, cells: current };
}
