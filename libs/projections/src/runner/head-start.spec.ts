import type { PoolClient } from 'pg';
import { encodePosition, type RecordedEvent } from '@samvirke/event-store';
import { BatchProjectionTransaction, HeadStart, HeadStartDroppedError } from './batch-transaction';
import type { Projection, ProjectionTransaction } from './projection';

/** A connection that records the statements sent to it and answers each query with its own text. */
function recordingClient(): { client: PoolClient; sent: string[] } {
  const sent: string[] = [];
  const client = {
    query: async (config: { text: string }) => {
      sent.push(config.text);
      return { rows: [{ answer: config.text }], rowCount: 1 };
    },
  };
  return { client: client as unknown as PoolClient, sent };
}

function event(id: string): RecordedEvent {
  return {
    id,
    streamId: 's-1',
    streamRevision: 0,
    globalPosition: id,
    type: 'T',
    schemaVersion: 1,
    data: {},
    metadata: {},
    recordedAt: '2026-12-07T00:00:00Z',
  } as unknown as RecordedEvent;
}

/** A projection whose apply runs `script` against the transaction it is given, and says when it has returned. */
function scripted(script: (db: ProjectionTransaction) => Promise<void>): { projection: Projection; returned: () => boolean } {
  let done = false;
  return {
    projection: {
      name: 'scripted',
      version: 1,
      streamPrefixes: ['s-'],
      tables: ['t'],
      schemaSql: '',
      apply: async (_events, db) => {
        await script(db);
        done = true;
      },
    },
    returned: () => done,
  };
}

const BEFORE = encodePosition(1n, 0n);
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HeadStart (a rebuild beginning the next batch while the last one commits)', () => {
  it('holds writes and queries, in the order sent, until the batch transaction exists, then sends them in that order', async () => {
    const answers: unknown[] = [];
    const { projection, returned } = scripted(async (db) => {
      db.write('w1', [1]);
      const first = db.query('q1', [1]);
      db.write('w2', [1]);
      answers.push((await first).rows[0]);
      db.write('w3', [1]);
      answers.push((await db.query('q2', [1])).rows[0]);
    });
    const headStart = new HeadStart(projection, [event('a')], BEFORE);
    await tick();
    expect(returned()).toBe(false);
    const { client, sent } = recordingClient();
    expect(sent).toEqual([]);
    headStart.attach(new BatchProjectionTransaction(client));
    await headStart.finish();
    expect(sent).toEqual(['w1', 'q1', 'w2', 'w3', 'q2']);
    expect(answers).toEqual([{ answer: 'q1' }, { answer: 'q2' }]);
    expect(returned()).toBe(true);
  });

  it('calls back once every statement is sent, before the writes have all finished', async () => {
    const { projection } = scripted(async (db) => void db.write('w1', [1]));
    const headStart = new HeadStart(projection, [event('a')], BEFORE);
    const { client } = recordingClient();
    const order: string[] = [];
    const slow = {
      query: async (config: { text: string }) => {
        await tick();
        order.push(`ran ${config.text}`);
        return client.query(config);
      },
    } as unknown as PoolClient;
    headStart.attach(new BatchProjectionTransaction(slow));
    await headStart.finish(() => order.push('sent'));
    expect(order).toEqual(['sent', 'ran w1']);
  });

  it('sends nothing once dropped, and a held query fails, so apply ends', async () => {
    const { projection, returned } = scripted(async (db) => {
      db.write('w1', [1]);
      await db.query('q1', [1]);
      db.write('w2', [1]);
    });
    const headStart = new HeadStart(projection, [event('a')], BEFORE);
    await tick();
    headStart.drop();
    await tick();
    expect(returned()).toBe(false);
    const { client, sent } = recordingClient();
    expect(() => headStart.attach(new BatchProjectionTransaction(client))).toThrow();
    expect(sent).toEqual([]);
  });

  it('answers what apply threw, after its writes have settled', async () => {
    const failure = new Error('cannot apply');
    const { projection } = scripted(async (db) => {
      db.write('w1', [1]);
      throw failure;
    });
    const headStart = new HeadStart(projection, [event('a')], BEFORE);
    const { client, sent } = recordingClient();
    headStart.attach(new BatchProjectionTransaction(client));
    await expect(headStart.finish()).rejects.toMatchObject({ original: failure });
    expect(sent).toEqual(['w1']);
  });

  it('a dropped query is answered with HeadStartDroppedError', async () => {
    let seen: unknown;
    const { projection } = scripted(async (db) => {
      await db.query('q1', [1]).catch((error: unknown) => {
        seen = error;
      });
    });
    const headStart = new HeadStart(projection, [event('a')], BEFORE);
    await tick();
    headStart.drop();
    await tick();
    expect(seen).toBeInstanceOf(HeadStartDroppedError);
  });

  it('is for the events it was begun with only', () => {
    const { projection } = scripted(async () => undefined);
    const headStart = new HeadStart(projection, [event('a'), event('b')], BEFORE);
    expect(headStart.isFor([event('a'), event('b')])).toBe(true);
    expect(headStart.isFor([event('b')])).toBe(false);
    expect(headStart.isFor([event('a'), event('c')])).toBe(false);
    headStart.drop();
  });
});
