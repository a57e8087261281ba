import type { Agency } from '@samvirke/reference-data';

/**
 * The agency directory: each agency's standing entry points (units, function mailboxes, what they
 * handle). `handles` narrows to entry points whose unit or any "handles" line, English or Danish, contains the text,
 * ignoring case; agencies left without a matching entry point drop out.
 */
export function searchAgencyDirectory(agencies: Iterable<Agency>, handles?: string): Agency[] {
  const all = [...agencies];
  const needle = handles?.trim().toLocaleLowerCase('da');
  if (!needle) return all;
  const matches = (text: string) => text.toLocaleLowerCase('da').includes(needle);
  return all
    .map((agency) => ({
      ...agency,
      entryPoints: agency.entryPoints.filter((entry) => matches(entry.unit) || entry.handles.some(matches) || entry.handlesDa.some(matches)),
    }))
    .filter((agency) => agency.entryPoints.length > 0);
}
