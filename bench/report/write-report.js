'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const RESULTS = join(__dirname, '..', 'results');

function cell(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(value).replace(/\|/g, '\\|');
}

function markdownTable(rows) {
  const lines = ['| figure | value | ceiling or peer | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const value = r.value === null ? `– (${r.note ?? 'not measured'})` : `${cell(r.value)} ${r.unit}${r.note ? ` (${r.note})` : ''}`;
    const reference = r.reference ? `${r.reference}: ${cell(r.referenceValue)}` : '–';
    const met = r.met === null ? '' : r.met ? 'yes' : '**no**';
    lines.push(`| ${cell(r.figure)} | ${value} | ${cell(reference)} | ${cell(r.ratio)} | ${cell(r.target?.text)} | ${met} |`);
  }
  return lines.join('\n');
}

function markdownReport(report) {
  const m = report.machine;
  return [
    `# Samvirke benchmark, ${report.profile} profile, ${report.startedAt}`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB, PostgreSQL ${m.postgresVersion} (${m.database}), Node ${m.node}; ` +
      `load average at start ${m.loadAverageAtStart.join(' / ')}. Commit ${report.git.commit ?? 'unknown'}${report.git.dirty ? ' (with uncommitted changes)' : ''}. ` +
      `Took ${Math.round(report.seconds)} s.`,
    '',
    markdownTable(report.rows),
    '',
    ...(report.notes.length > 0 ? ['Notes:', ...report.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

/** Writes bench/results/<date>-<profile>.json and .md; answers the markdown. */
function writeReport(report) {
  mkdirSync(RESULTS, { recursive: true });
  const base = join(RESULTS, `${report.startedAt.slice(0, 10)}-${report.profile}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const markdown = markdownReport(report);
  writeFileSync(`${base}.md`, markdown);
  return { markdown, files: [`${base}.json`, `${base}.md`] };
}

module.exports = { writeReport, markdownTable, markdownReport };
