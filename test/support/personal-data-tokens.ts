/**
 * Where personal data could stand in a dump of rows (`dumpAllRows`, test/support/sql-dump.ts), as whole
 * tokens rather than substrings. A CPR is ten digits, with or without the dash after the sixth; a
 * substring search for one finds it by chance inside any longer run of digits or hex (a SHA-256 in hex,
 * a bigint position, a sealed value, another ten-digit number run together with more), and a dump of a
 * whole test run holds megabytes of those (seen once in CI). A token here is a run that is not part of
 * a longer digit or hex run: `"0309045101"`, `030904-5101` and `x:0309045101,` are CPRs;
 * `a0309045101`, `03090451019` and `…ff0309045101` are not.
 */

const CPR_TOKEN = /(?<![0-9A-Fa-f])(\d{6})-?(\d{4})(?![0-9A-Fa-f])/g;

/** Every CPR-shaped token in `text`, as its ten digits (no dash). */
export function cprTokens(text: string): string[] {
  return [...text.matchAll(CPR_TOKEN)].map(([, date, serial]) => `${date}${serial}`);
}

export interface TokenFound {
  /** The relation whose row holds it (the dump's `-- schema.name` header above the row). */
  relation: string;
  /** The ten digits found. */
  cpr: string;
  /** Up to 60 characters either side, to tell what the row was. */
  excerpt: string;
}

/** Where in the dump each of `cprs` (with or without dash) stands as a whole token. */
export function findCprTokens(dump: string, cprs: Iterable<string>): TokenFound[] {
  const wanted = new Set([...cprs].map((cpr) => cpr.replace('-', '')));
  const found: TokenFound[] = [];
  let relation = '';
  for (const line of dump.split('\n')) {
    if (line.startsWith('-- ')) {
      relation = line.slice(3);
      continue;
    }
    for (const match of line.matchAll(CPR_TOKEN)) {
      const cpr = `${match[1]}${match[2]}`;
      if (!wanted.has(cpr)) continue;
      const at = match.index ?? 0;
      found.push({ relation, cpr, excerpt: line.slice(Math.max(0, at - 60), at + match[0].length + 60) });
    }
  }
  return found;
}

/**
 * Every calendar date standing as a whole token in `text`, as the DDMMYY a CPR starts with: ISO dates
 * (yyyy-mm-dd, also the date part of a timestamp) and six-digit runs that are a valid DDMMYY (not
 * inside a longer digit or hex run, nor a timestamp's fraction of a second).
 */
export function birthDatePrefixes(text: string): string[] {
  const found = new Set<string>();
  for (const [, year, month, day] of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    if (validDate(Number(day), Number(month))) found.add(`${day}${month}${year.slice(2)}`);
  }
  // Not after '.' or ':' either: the microseconds and seconds of a timestamp are no date.
  for (const [, day, month, yy] of text.matchAll(/(?<![0-9A-Fa-f.:])(\d{2})(\d{2})(\d{2})(?![0-9A-Fa-f])/g)) {
    if (validDate(Number(day), Number(month))) found.add(`${day}${month}${yy}`);
  }
  return [...found];
}

function validDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
