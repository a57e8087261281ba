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
  return {
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
  };
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
    const halfOpener: SealedValueOpener = {
      open: (value) => Promise.resolve(calls++ === 0 ? { status: 'available', value: String(value) } : { status: 'unreadable' }),
    };
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

  it('warns at most once a minute, counting the rest', () => {
    const warnings: object[] = [];
    const warn = warnWhenUnopenable((fields) => warnings.push(fields));
    warn(event, 'a');
    warn(event, 'b');
    warn(event, 'c');
    expect(warnings).toEqual([expect.objectContaining({ eventId: 'event-1', streamId: 'case-1', moreSinceLastWarning: 0 })]);
  });
});
