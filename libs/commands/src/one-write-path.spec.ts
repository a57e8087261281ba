import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One write path: in the product's code (apps/ and libs/, tests and test fixtures aside), nothing
 * but the event store itself and the case gate may append to a stream. A second path is how the
 * access policy was skipped before (legal holds and erasure appended on their own), so a new one
 * fails here rather than in review.
 */
const root = join(__dirname, '..', '..', '..');
const APPENDS = /\.appendToStream\s*\(|\bhandleStreamCommand\s*\(/;
const ALLOWED = new Set([
  // The gate: load, authorize, decide, append.
  'libs/commands/src/case-gate.ts',
]);

function productFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'node_modules' || name === 'testing' || name === 'contract') continue;
      found.push(...productFiles(path));
    } else if (/\.(ts|js)$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) && !name.endsWith('.d.ts')) {
      found.push(relative(root, path));
    }
  }
  return found;
}

describe('one write path', () => {
  it('appends to streams only in the event store and the case gate', () => {
    const files = [...productFiles(join(root, 'apps')), ...productFiles(join(root, 'libs'))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter(
      (file) => !file.startsWith('libs/event-store/') && !ALLOWED.has(file) && APPENDS.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('would notice a second path (the check itself)', () => {
    expect(APPENDS.test('await this.store.appendToStream(caseStreamId(id), events, revision)')).toBe(true);
    expect(APPENDS.test('return handleStreamCommand(store, caseDecider, envelope)')).toBe(true);
  });
});
