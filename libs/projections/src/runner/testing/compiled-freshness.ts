import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const repositoryRoot = join(__dirname, '..', '..', '..', '..', '..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    // Test support is not built (tsconfig.build.json excludes it), so it has no dist/ copy to check.
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'contract' ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.includes('spec') ? [path] : [];
  });
}

/**
 * A crash test's child process runs compiled code from dist/: refuse to test yesterday's build.
 * Throws when a source file under one of `sourceFolders` (relative to the repository root) is newer
 * than its compiled file, or has none.
 */
export function assertCompiledIsFresh(sourceFolders: string[]): void {
  for (const folder of sourceFolders) {
    for (const source of sourcesUnder(join(repositoryRoot, folder))) {
      const compiled = join(repositoryRoot, 'dist', relative(repositoryRoot, source)).replace(/\.ts$/, '.js');
      if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
        throw new Error(`dist/ is older than ${relative(repositoryRoot, source)}: run \`npx nest build api\` before this test`);
      }
    }
  }
}
