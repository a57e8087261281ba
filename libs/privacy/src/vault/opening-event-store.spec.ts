import type { EventStore, RecordedEvent } from '@samvirke/event-store';
import type { Sealed } from '../encryption/sealed-value';
import { MasterKeyUnavailableError } from '../keys/data-key-wrapping';
import { openCaseOpened, openingEventStore, warnWhenUnopenable, type SealedValueOpener } from './opening-event-store';
import type { OpenedValue } from './personal-data-vault';

const sealed = (label: string) => `sealed:${label}` as unknown as Sealed;

function caseOpened(data: Record<string, unknown>): RecordedEvent {
  return {
    id: 'event-1',
    type: 'CaseOpened',
    schemaVersion: 1,
    data: { citizenId: 'citizen-1', ...data },
    metadata: {},
    streamId: 'case-1',
    streamRevision: 0,
    globalPosition: '1',
    recordedAt: new Date('2026-01-01T00:00:00Z'),
  } as RecordedEvent;
}

/** Opens `sealed:x` as `x`, or fails the way the vault does. */
function opener(outcome: 'open' | 'erased' | 'no-master-key' | 'database-down'): SealedValueOpener {
  return withOpenMany({
    open(value: Sealed): Promise<OpenedValue> {
      switch (outcome) {
        case 'open':
          return Promise.resolve({ status: 'available', value: String(value).slice('sealed:'.length) });
        case 'erased':
          return Promise.resolve({ status: 'erased', erasedAt: new Date() });
        case 'no-master-key':
          return Promise.reject(new MasterKeyUnavailableError('dev1'));
        case 'database-down':
          return Promise.reject(new Error('connection terminated'));
      }
    },
  });
}

/** openMany as the vault answers it: all or nothing, in the order given. */
function withOpenMany(one: Pick<SealedValueOpener, 'open'>): SealedValueOpener {
  return { ...one, openMany: (values) => Promise.all(values.map((value) => one.open(value))) };
}

describe('the opening store (issue 21)', () => {
  const event = caseOpened({ sealedBirthDate: sealed('2001-02-03'), sealedDistrictCode: sealed('VALBY-2') });

  it('hands projections the sealed birth date and district opened while the key lives', async () => {
    const opened = await openCaseOpened(event, opener('open'));
    expect(opened.data).toMatchObject({ birthDate: '2001-02-03', districtCode: 'VALBY-2' });
  });

  it('leaves them out after an erasure', async () => {
    const opened = await openCaseOpened(event, opener('erased'));
    expect(opened.data).not.toHaveProperty('birthDate');
    expect(opened.data).not.toHaveProperty('districtCode');
    expect(opened.data).toMatchObject({ identityUnavailable: { reason: 'erased', erasedAt: expect.any(String) } });
  });

  it('hands on neither when only one of the pair opens: half an identity is none', async () => {
    let calls = 0;
    const halfOpener = withOpenMany({
      open: (value) => Promise.resolve(calls++ === 0 ? { status: 'available', value: String(value) } : { status: 'unreadable' }),
    });
    const opened = await openCaseOpened(event, halfOpener);
    expect(opened.data).not.toHaveProperty('birthDate');
    expect(opened.data).not.toHaveProperty('districtCode');
    expect(opened.data).toMatchObject({ identityUnavailable: { reason: 'unopenable' } });
  });

  it('leaves them out, and says so once per event, when the data key is wrapped under a master key this process lacks', async () => {
    const told: string[] = [];
    const opened = await openCaseOpened(event, opener('no-master-key'), { onUnopenable: (e, reason) => told.push(`${e.id}: ${reason}`) });
    expect(opened.data).not.toHaveProperty('districtCode');
    expect(opened.data).toMatchObject({ citizenId: 'citizen-1', identityUnavailable: { reason: 'unopenable' } });
    expect(told).toEqual([expect.stringMatching(/^event-1: master key version dev1/)]);
  });

  it('lets any other failure through, for the projection runner to retry', async () => {
    await expect(openCaseOpened(event, opener('database-down'))).rejects.toThrow('connection terminated');
  });

  it('reads a batch through the store without failing on an unopenable event', async () => {
    const store = { readAll: () => Promise.resolve({ events: [event], next: undefined }) } as unknown as EventStore;
    const result = await openingEventStore(store, opener('no-master-key')).readAll({});
    expect(result.events).toHaveLength(1);
  });

  it('opens a page of events with one vault call, each event given its own pair', async () => {
    const calls: number[] = [];
    const counting = opener('open');
    const vault: SealedValueOpener = {
      open: () => Promise.reject(new Error('opened one by one')),
      openMany: (values) => {
        calls.push(values.length);
        return counting.openMany(values);
      },
    };
    const page = [
      { ...caseOpened({ sealedBirthDate: sealed('2001-02-03'), sealedDistrictCode: sealed('VALBY-2') }), id: 'a' },
      { ...caseOpened({}), id: 'b', type: 'ContactLogged' },
      { ...caseOpened({ sealedBirthDate: sealed('2002-03-04'), sealedDistrictCode: sealed('AMAGER-1') }), id: 'c' },
    ] as RecordedEvent[];
    const store = { readAll: () => Promise.resolve({ events: page, next: undefined }) } as unknown as EventStore;
    const result = await openingEventStore(store, vault).readAll({});
    expect(calls).toEqual([4]);
    expect(result.events.map((e) => e.data)).toEqual([
      expect.objectContaining({ birthDate: '2001-02-03', districtCode: 'VALBY-2' }),
      expect.not.objectContaining({ birthDate: expect.anything() }),
      expect.objectContaining({ birthDate: '2002-03-04', districtCode: 'AMAGER-1' }),
    ]);
  });

  it('opens the page event by event when one key needs a master key this process lacks, naming only those events', async () => {
    const told: string[] = [];
    const good = opener('open');
    const vault: SealedValueOpener = {
      open: (value) => (String(value).includes('LOST') ? Promise.reject(new MasterKeyUnavailableError('old1')) : good.open(value)),
      openMany: () => Promise.reject(new MasterKeyUnavailableError('old1')),
    };
    const page = [
      { ...caseOpened({ sealedBirthDate: sealed('2001-02-03'), sealedDistrictCode: sealed('VALBY-2') }), id: 'a' },
      { ...caseOpened({ sealedBirthDate: sealed('LOST'), sealedDistrictCode: sealed('LOST') }), id: 'b' },
    ] as RecordedEvent[];
    const store = { readAll: () => Promise.resolve({ events: page, next: undefined }) } as unknown as EventStore;
    const result = await openingEventStore(store, vault, { onUnopenable: (e) => told.push(e.id) }).readAll({});
    expect(result.events[0].data).toMatchObject({ birthDate: '2001-02-03' });
    expect(result.events[1].data).toMatchObject({ identityUnavailable: { reason: 'unopenable' } });
    expect(told).toEqual(['b']);
  });

  it('warns at most once a minute, counting the rest', () => {
    const warnings: object[] = [];
    const warn = warnWhenUnopenable((fields) => warnings.push(fields));
    warn(event, 'a');
    warn(event, 'b');
    warn(event, 'c');
    expect(warnings).toEqual([expect.objectContaining({ eventId: 'event-1', streamId: 'case-1', moreSinceLastWarning: 0 })]);
  });
});
