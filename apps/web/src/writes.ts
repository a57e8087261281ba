/**
 * Read your writes across screens: the position of the user's last write on each case (from a
 * write's answer), so a screen opened afterwards reads the case as of that write (`consistentWith`)
 * rather than a read model that has not caught up yet. In memory, for this page's life.
 */
const positions = new Map<string, string>();

export function rememberWrite(caseId: string, position: string | null | undefined): void {
  if (position) positions.set(caseId, position);
}

export function lastWrite(caseId: string): string | undefined {
  return positions.get(caseId);
}
