'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');

function newestSourceMtime(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The bench measures the compiled app (what production runs), so dist/ must match the sources: a
 * fresh clone has no dist/, and a stale one would measure yesterday's code. Builds when either holds.
 */
function ensureCompiledApp(log) {
  // BENCH_SKIP_BUILD=1 measures dist/ as it is (while others edit the sources, for instance).
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(API_MAIN)) return;
  const builtAt = existsSync(API_MAIN) ? statSync(API_MAIN).mtimeMs : 0;
  const sourcesAt = Math.max(newestSourceMtime(join(ROOT, 'apps')), newestSourceMtime(join(ROOT, 'libs')));
  if (builtAt >= sourcesAt) return;
  log(builtAt === 0 ? 'dist/ missing: running npm run build' : 'sources newer than dist/: running npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** A compiled module of the app, e.g. distModule('libs/event-store/src/postgres/index.js'). */
function distModule(relativePath) {
  return require(join(DIST, relativePath));
}

module.exports = { ROOT, DIST, API_MAIN, ensureCompiledApp, distModule };
