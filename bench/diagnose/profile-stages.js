'use strict';
/**
 * `node bench/diagnose/profile-stages.js <file.cpuprofile> [--last S] [--commands N] [--api-cpu-ms X] [--frames]`:
 * the API's CPU profile (BENCH_API_CPU_PROFILE) split by stage of a case command. Each sample goes to
 * the first stage below whose rule matches its stack (leaf to root), so a pg reply parsed under
 * `readStream` counts as the load, under the audit log as the audit. Samples the profiler took while
 * the loop was idle (`(idle)`) are left out; what remains is the process's CPU as V8 saw it.
 * With `--commands` (commands in the profiled window) the table also gives microseconds per command.
 * `--frames` prints the heaviest self-time frames of the "other" and "HTTP framework" rows.
 *
 * A diagnosis, not a benchmark: the sampling profiler counts wall-clock ticks of the busy thread,
 * so a process descheduled on shared cores stretches every stage alike; the shares hold, the
 * absolute figures come from the process's CPU time (command-cpu.js).
 */
const { readFileSync } = require('node:fs');

const argument = (name) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

/** Stage rules, first match wins; `frame` is tested on every frame of the stack. */
const STAGES = [
  // The writev that sends a statement wakes its PostgreSQL backend, which on shared cores preempts
  // the API right there: these samples are mostly time descheduled, not CPU (measured: a Unix socket
  // changes nothing). Own row, so they do not inflate the stage that sent the statement.
  ['sending to PostgreSQL (writev; mostly descheduled)', (stack) => stack[0].functionName === 'writev' || stack[0].functionName === 'writeBuffer'],
  ['garbage collection', (stack) => stack[0].functionName === '(garbage collector)'],
  ['authentication (token verification)', (stack) => stack.some((f) => /token-verifier|\/jose\//.test(f.url))],
  ['audit row', (stack) => stack.some((f) => /read-audit\/audit-log/.test(f.url))],
  [
    'projections (in the API loop)',
    (stack) =>
      stack.some((f) =>
        /libs\/(projections|read-models|notifications)\/src\/(runner|projection|.*projection)|postgres-subscription|batch-transaction/.test(f.url),
      ),
  ],
  ['append (es_append call)', (stack) => stack.some((f) => f.functionName === 'appendToStream')],
  ['load: stream read', (stack) => stack.some((f) => f.functionName === 'readStream' || f.functionName === 'toRecorded')],
  ['load: fold (evolve)', (stack) => stack.some((f) => /libs\/case\/src\/evolve/.test(f.url))],
  ['decide (rules)', (stack) => stack.some((f) => /libs\/case\/src\/(decide|rule-checks|eligibility|escalation-schedule)/.test(f.url))],
  ['sealing (vault)', (stack) => stack.some((f) => /libs\/privacy\/src\/vault|personal-data/.test(f.url))],
  ['gate, idempotency ids, policy', (stack) => stack.some((f) => /libs\/commands\/src|command-handling|libs\/access\/src\/policy/.test(f.url))],
  ['validation (class-validator/-transformer)', (stack) => stack.some((f) => /class-validator|class-transformer|validation\.pipe|pipes\//.test(f.url))],
  ['logging (pino)', (stack) => stack.some((f) => /\/pino|pino-http/.test(f.url))],
  ['pg driver, not under a stage (replies, sockets)', (stack) => stack.some((f) => /node_modules\/(pg|pg-protocol|pg-pool)\//.test(f.url))],
  [
    'serialisation (JSON of the answer)',
    (stack) =>
      stack.some(
        (f) =>
          (/express\/lib\/response|response\.js|fastify\/lib\/reply/.test(f.url) && /json|send|serialize/.test(f.functionName)) ||
          /fast-json-stringify/.test(f.url),
      ),
  ],
  [
    'HTTP framework (Nest, Express or Fastify, router, helmet, body parser)',
    (stack) =>
      stack.some((f) =>
        /@nestjs|\/express\/|\/router\/|body-parser|helmet|\/raw-body\/|on-finished|finalhandler|\/fastify\/|@fastify|find-my-way|light-my-request|avvio|fast-querystring|http-platform/.test(
          f.url,
        ),
      ),
  ],
  [
    'Node HTTP and sockets',
    (stack) => stack.some((f) => /^node:(_http|http|net|stream|internal\/(streams|http|stream_base))/.test(f.url) || /^node:internal\/stream/.test(f.url)),
  ],
  ['metrics (prom-client)', (stack) => stack.some((f) => /prom-client/.test(f.url))],
  ['other', () => true],
];

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-stages.js <file.cpuprofile> [--commands N]');
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackCache = new Map();
  const stackOf = (id) => {
    let stack = stackCache.get(id);
    if (stack) return stack;
    stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at).callFrame);
    stackCache.set(id, stack);
    return stack;
  };
  const stageOfNode = new Map();
  const totals = new Map(STAGES.map(([name]) => [name, 0]));
  const frames = new Map();
  let idle = 0;
  let busy = 0;
  // --last S: only the last S seconds of the profile (the measured window, not start-up and set-up).
  const from = argument('last') ? profile.endTime - Number(argument('last')) * 1e6 : -Infinity;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const delta = profile.timeDeltas[i + 1] ?? 0;
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) continue;
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)' || leaf === '(root)') {
      idle += delta;
      continue;
    }
    let stage = stageOfNode.get(id);
    if (!stage) {
      stage = STAGES.find(([, rule]) => rule(stackOf(id)))[0];
      stageOfNode.set(id, stage);
    }
    totals.set(stage, totals.get(stage) + delta);
    busy += delta;
    if (stage === 'other' || stage.startsWith('HTTP framework')) {
      const f = byId.get(id).callFrame;
      const key = `${stage.slice(0, 5)} ${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '')}:${f.lineNumber}`;
      frames.set(key, (frames.get(key) ?? 0) + delta);
    }
  }
  const commands = Number(argument('commands') ?? 0);
  const apiCpuMs = Number(argument('api-cpu-ms') ?? 0);
  process.stdout.write(`busy ${(busy / 1e6).toFixed(2)} s of samples, idle/program ${(idle / 1e6).toFixed(2)} s\n\n`);
  process.stdout.write(
    `| stage | share of the API's busy samples |${commands ? ' µs per command (samples) |' : ''}${apiCpuMs ? ' µs per command (of the measured CPU) |' : ''}\n`,
  );
  process.stdout.write(`|---|---|${commands ? '---|' : ''}${apiCpuMs ? '---|' : ''}\n`);
  for (const [name, value] of [...totals].sort((a, b) => b[1] - a[1])) {
    if (value === 0) continue;
    const share = value / busy;
    const cells = [`${(share * 100).toFixed(1)}%`];
    if (commands) cells.push(Math.round(value / commands).toString());
    // The measured CPU spread over the stages in proportion, leaving the descheduled writev out.
    const sending = totals.get(STAGES[0][0]);
    if (apiCpuMs) cells.push(name === STAGES[0][0] ? '–' : Math.round((value / (busy - sending)) * apiCpuMs * 1000).toString());
    process.stdout.write(`| ${name} | ${cells.join(' | ')} |\n`);
  }
  if (process.argv.includes('--frames')) {
    process.stdout.write('\nheaviest self-time frames of "other" and "HTTP framework":\n');
    for (const [key, value] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, 40))
      process.stdout.write(`${(value / 1e3).toFixed(0).padStart(7)} ms  ${key}\n`);
  }
}

main();
