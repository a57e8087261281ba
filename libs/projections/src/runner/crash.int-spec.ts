import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { comparePositions, laterPosition, type GlobalPosition } from '@samvirke/event-store';
import { testDatabaseUrl } from '../../../../test/support/test-database';
import { readProjectionState } from './catalogue';
import { createTallyProjection } from './testing/tally-projection';
import { newEvent, readModelRows, uniqueNames, useRunnerFixture, waitUntil } from './testing/runner-fixture';

const EVENTS = 5_000;
const STREAMS = 50;
const childScript = join(__dirname, 'testing', 'crash-runner.js');
const compiledRunner = join(__dirname, '..', '..', '..', '..', 'dist', 'libs', 'projections', 'src', 'runner');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

/** The child runs the compiled runner: refuse to test yesterday's build of it. */
function assertCompiledRunnerIsFresh(): void {
  const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.includes('spec'));
  for (const source of sources) {
    const compiled = join(compiledRunner, source.replace(/\.ts$/, '.js'));
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(join(__dirname, source)).mtimeMs) {
      throw new Error(`dist/ is older than runner/${source}: run \`npx nest build api\` before this test`);
    }
  }
}

describe('projection runner crash test', () => {
  let child: ChildProcess | undefined;
  beforeAll(() => assertCompiledRunnerIsFresh());
  afterAll(() => void child?.kill('SIGKILL'));
  const fixture = useRunnerFixture();

  function startChild(names: ReturnType<typeof uniqueNames>): Promise<ChildProcess> {
    const process_ = spawn(process.execPath, [childScript, names.name, names.streamPrefix, names.tablePrefix], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    process_.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    return new Promise((resolve, reject) => {
      process_.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('started')) resolve(process_);
      });
      process_.on('exit', (code, signal) => reject(new Error(`runner child exited (${code ?? signal}) before starting: ${errors}`)));
    });
  }

  async function kill(running: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  it('killed at random points while 5,000 events flow, ends equal to a clean rebuild', async () => {
    const { store, pool } = fixture;
    const names = uniqueNames('crash');
    child = await startChild(names);

    const ids: string[] = [];
    let last: GlobalPosition | undefined;
    let appended = 0;
    const appender = async (lane: number) => {
      for (let append = 0; appended < EVENTS; append++) {
        const size = Math.min(EVENTS - appended, between(1, 5));
        appended += size;
        const events = Array.from({ length: size }, () => newEvent());
        const result = await store.appendToStream(`${names.streamPrefix}${(lane * 7 + append) % STREAMS}`, events, 'any');
        ids.push(...events.map((event) => event.id));
        last = laterPosition(last, result.position);
        await sleep(between(0, 12));
      }
    };
    const appending = Promise.all([0, 1, 2].map(appender));
    let done = false;
    void appending.then(() => (done = true));

    let kills = 0;
    while (kills < 3 || (!done && kills < 5)) {
      await sleep(done ? between(100, 400) : between(600, 1_800));
      await kill(child);
      kills++;
      child = await startChild(names);
    }
    await appending;
    expect(ids).toHaveLength(EVENTS);

    await waitUntil(
      async () => {
        const state = await readProjectionState(pool, names.name);
        // A repeated event fails on the seen-event key and stops the projection: say so at once.
        if (state?.status === 'failed') throw new Error(`projection stopped: ${state.error}`);
        return comparePositions(state?.checkpoint, last) >= 0;
      },
      40_000,
      'the runner to catch up',
    );
    await kill(child);
    child = undefined;
    expect((await readProjectionState(pool, names.name))?.status).toBe('running');

    const tables = [`${names.tablePrefix}_seen_event`, `${names.tablePrefix}_stream_tally`];
    const live = await Promise.all(tables.map((table) => readModelRows(pool, table)));
    const seen = live[0] as Array<{ event_id: string }>;
    expect(seen).toHaveLength(EVENTS);
    expect(seen.map((row) => row.event_id).sort()).toEqual([...ids].sort());

    const rebuilder = fixture.runner({ projections: [createTallyProjection(names)] });
    const rebuilt = await rebuilder.rebuild(names.name, { batchSize: 2_000 });
    expect(rebuilt.generation).toBeGreaterThan(1);
    expect(await Promise.all(tables.map((table) => readModelRows(pool, table)))).toEqual(live);
    expect(kills).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
