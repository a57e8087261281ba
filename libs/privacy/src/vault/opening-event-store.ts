import type { EventStore, RecordedEvent } from '@samvirke/event-store';
import type { Sealed } from '../encryption/sealed-value';
import { MasterKeyUnavailableError } from '../keys/data-key-wrapping';
import type { OpenedValue } from './personal-data-vault';

/** What the opening store needs of the vault. */
export interface SealedValueOpener {
  open(sealed: Sealed): Promise<OpenedValue>;
  /** Many values with at most one query for the keys not cached; same order as given. */
  openMany(sealed: readonly Sealed[]): Promise<OpenedValue[]>;
}

/**
 * The event store as projections read it (issue 21): a `CaseOpened` that carries its birth date and
 * district sealed (`sealedBirthDate`, `sealedDistrictCode`) is handed on with them opened into
 * `birthDate` / `districtCode`, while the citizen's key lives. Once the citizen is erased they stay
 * absent, so a read model rebuilt after an erasure never sees them, and the read models that keep them
 * clear the columns on the erasure event itself. Streams opened before carry them in clear already and
 * pass as they are. Everything else is the store's own (appends too: projections never append).
 *
 * Only the projection runner's store is wrapped (API, worker, CLI rebuild). The gate and the auditors'
 * replay read the log as written: the case state holds no birth date or district of a new case.
 */
export function openingEventStore(store: EventStore, vault: SealedValueOpener, options: OpeningOptions = {}): EventStore {
  const opening = Object.create(store) as EventStore;
  const openAll = (events: RecordedEvent[]) => openPage(events, vault, options);
  opening.readStream = async (streamId, options) => openAll(await store.readStream(streamId, options));
  opening.readAll = async (options) => {
    const result = await store.readAll(options);
    return { ...result, events: await openAll(result.events) };
  };
  opening.subscribeToAll = (options) =>
    store.subscribeToAll({ ...options, onBatch: async (events, checkpoint) => options.onBatch(await openAll(events), checkpoint) });
  return opening;
}

export interface OpeningOptions {
  /**
   * Told of each event whose pair could not be opened because its data key is wrapped under a master
   * key this process does not have (`MASTER_KEYS` missing a version, or another keyring's data): the
   * event is handed on without the pair, as after an erasure (the reports count it under "unknown"),
   * rather than stopping every projection. Told the event's id and stream only, never a value.
   */
  onUnopenable?: (event: RecordedEvent, reason: string) => void;
}

interface SealedIdentityData {
  sealedBirthDate?: Sealed;
  sealedDistrictCode?: Sealed;
  birthDate?: string;
  districtCode?: string;
  identityUnavailable?: { reason: 'erased' | 'unopenable'; erasedAt?: string };
}

/** The event with its sealed birth date and district opened beside them (unchanged when there are none). */
export async function openCaseOpened(event: RecordedEvent, vault: SealedValueOpener, options: OpeningOptions = {}): Promise<RecordedEvent> {
  if (event.type !== 'CaseOpened') return event;
  const data = event.data as SealedIdentityData;
  if (data.sealedBirthDate === undefined && data.sealedDistrictCode === undefined) return event;
  let unopenableReason: string | undefined;
  const unopenable = (error: unknown): OpenedValue => {
    // Only a missing master key is "cannot be opened here"; anything else (the database) is retried by the runner.
    if (!(error instanceof MasterKeyUnavailableError)) throw error;
    unopenableReason = error.message;
    return { status: 'unreadable' };
  };
  const [birthDate, districtCode] = await Promise.all([
    openedValue(vault, data.sealedBirthDate).catch(unopenable),
    openedValue(vault, data.sealedDistrictCode).catch(unopenable),
  ]);
  if (unopenableReason !== undefined) options.onUnopenable?.(event, unopenableReason);
  const opened: SealedIdentityData = { ...data };
  if (birthDate?.status === 'available') opened.birthDate = birthDate.value;
  if (districtCode?.status === 'available') opened.districtCode = districtCode.value;
  // Half an identity is none: the read models get either both or a reason for neither.
  const sealedPairs = [birthDate, districtCode].filter((value): value is OpenedValue => value !== undefined);
  if (sealedPairs.some((value) => value.status !== 'available')) {
    delete opened.birthDate;
    delete opened.districtCode;
    const erased = sealedPairs.find((value) => value.status === 'erased');
    opened.identityUnavailable =
      erased?.status === 'erased' && unopenableReason === undefined ? { reason: 'erased', erasedAt: erased.erasedAt.toISOString() } : { reason: 'unopenable' };
  }
  return { ...event, data: opened };
}

/**
 * A page of events opened with one vault query for the keys of all its `CaseOpened` events, not one per
 * value: fewer statements on the pool (rebuild times did not move measurably; bench/README.md, sixth round).
 * When a key of the page is wrapped under a master key this process lacks, the page is opened event by
 * event instead, so that only the events concerned go on without their pair and each is named once.
 */
export async function openPage(events: RecordedEvent[], vault: SealedValueOpener, options: OpeningOptions = {}): Promise<RecordedEvent[]> {
  const sealedValues = events.flatMap((event) => {
    if (event.type !== 'CaseOpened') return [];
    const data = event.data as SealedIdentityData;
    return [data.sealedBirthDate, data.sealedDistrictCode].filter((value): value is Sealed => value !== undefined);
  });
  if (sealedValues.length === 0) return events;
  let openedValues: OpenedValue[];
  try {
    openedValues = await vault.openMany(sealedValues);
  } catch (error) {
    if (!(error instanceof MasterKeyUnavailableError)) throw error;
    return Promise.all(events.map((event) => openCaseOpened(event, vault, options)));
  }
  const opened = new Map(sealedValues.map((value, i) => [value, openedValues[i]]));
  const prefetched: SealedValueOpener = {
    open: (value) => {
      const known = opened.get(value);
      return known ? Promise.resolve(known) : vault.open(value);
    },
    openMany: (values) => Promise.all(values.map((value) => prefetched.open(value))),
  };
  return Promise.all(events.map((event) => openCaseOpened(event, prefetched, options)));
}

async function openedValue(vault: SealedValueOpener, sealed: Sealed | undefined): Promise<OpenedValue | undefined> {
  if (sealed === undefined) return undefined;
  return vault.open(sealed);
}

/**
 * `onUnopenable` for a process's logger: a warning naming the event (id and stream, no value) and the
 * reason, at most once a minute, with how many more there were since the last one.
 */
export function warnWhenUnopenable(warn: (fields: object, message: string) => void, everyMs = 60_000): NonNullable<OpeningOptions['onUnopenable']> {
  let lastAt = Number.NEGATIVE_INFINITY;
  let since = 0;
  return (event, reason) => {
    const now = Date.now();
    if (now - lastAt < everyMs) {
      since += 1;
      return;
    }
    warn(
      { eventId: event.id, streamId: event.streamId, reason, moreSinceLastWarning: since },
      'CaseOpened birth date and district could not be opened: the projections get the event without them (counted as unknown); rebuild the read models once MASTER_KEYS holds the key',
    );
    lastAt = now;
    since = 0;
  };
}
