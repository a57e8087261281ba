import type { EventStore, RecordedEvent } from '@samvirke/event-store';
import type { Sealed } from '../encryption/sealed-value';
import type { OpenedValue } from './personal-data-vault';

/** What the opening store needs of the vault. */
export interface SealedValueOpener {
  open(sealed: Sealed): Promise<OpenedValue>;
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
export function openingEventStore(store: EventStore, vault: SealedValueOpener): EventStore {
  const opening = Object.create(store) as EventStore;
  const openAll = (events: RecordedEvent[]) => Promise.all(events.map((event) => openCaseOpened(event, vault)));
  opening.readStream = async (streamId, options) => openAll(await store.readStream(streamId, options));
  opening.readAll = async (options) => {
    const result = await store.readAll(options);
    return { ...result, events: await openAll(result.events) };
  };
  opening.subscribeToAll = (options) =>
    store.subscribeToAll({ ...options, onBatch: async (events, checkpoint) => options.onBatch(await openAll(events), checkpoint) });
  return opening;
}

interface SealedIdentityData {
  sealedBirthDate?: Sealed;
  sealedDistrictCode?: Sealed;
  birthDate?: string;
  districtCode?: string;
}

/** The event with its sealed birth date and district opened beside them (unchanged when there are none). */
export async function openCaseOpened(event: RecordedEvent, vault: SealedValueOpener): Promise<RecordedEvent> {
  if (event.type !== 'CaseOpened') return event;
  const data = event.data as SealedIdentityData;
  if (data.sealedBirthDate === undefined && data.sealedDistrictCode === undefined) return event;
  const [birthDate, districtCode] = await Promise.all([openedText(vault, data.sealedBirthDate), openedText(vault, data.sealedDistrictCode)]);
  const opened: SealedIdentityData = { ...data };
  if (birthDate !== undefined) opened.birthDate = birthDate;
  if (districtCode !== undefined) opened.districtCode = districtCode;
  return { ...event, data: opened };
}

async function openedText(vault: SealedValueOpener, sealed: Sealed | undefined): Promise<string | undefined> {
  if (sealed === undefined) return undefined;
  const opened = await vault.open(sealed);
  return opened.status === 'available' ? opened.value : undefined;
}
