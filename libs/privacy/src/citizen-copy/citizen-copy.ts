import type { EventStore, RecordedEvent } from '@samvirke/event-store';
import { evolveAll, initialCaseState, type CaseEvent } from '@samvirke/case';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import type { Agency } from '@samvirke/reference-data';
import { isSealed, type Sealed } from '../encryption/sealed-value';
import type { OpenedValue, PersonalDataVault } from '../vault/personal-data-vault';
import type { AccessReportLine, AccessReportSource } from './access-report-source';

/** A personal value as the citizen's copy shows it. */
export type CopiedValue =
  { status: 'available'; value: string } | { status: 'erased'; note: string } | { status: 'withheld'; note: string } | { status: 'unreadable' };

export interface CopiedEvent {
  recordedAt: string;
  type: string;
  /** The agency that recorded it (the data controller of what it holds); null for system actions. */
  agency: string | null;
  data: unknown;
}

/** Everything held about a citizen that they are entitled to see (GDPR art. 15), as of `generatedAt`. */
export interface CitizenCopy {
  caseId: string;
  generatedAt: string;
  citizen: { name: CopiedValue; cpr: CopiedValue; birthDate: string | null; districtCode: string | null };
  case: {
    status: string;
    openedAt: string | null;
    closedAt: string | null;
    referredBy: string | null;
    /** The SSP+ coordinator's staff id: the person the citizen deals with. */
    coordinatorId: string | null;
    agencies: string[];
    activeLegalHolds: number;
    erasures: Array<{ scope: string; reason: string; erasedAt: string }>;
  };
  events: CopiedEvent[];
  accessReport: { available: true; lines: AccessReportLine[] } | { available: false; note: string };
  /** What the copy leaves out and why, so the citizen knows where else to ask. */
  notes: string[];
}

export const CITIZEN_COPY_NOTES = [
  'Personal data is shown as it can be read today. Data erased under the retention rules or at your request shows "erased on DATE".',
  'Information recorded by the police or the Prison and Probation Service falls under the law-enforcement data act (retshåndhævelsesloven); its content is shown as withheld here. Ask that agency directly for access to it.',
  'The access report lists which agencies looked at your case, when and why; it does not name individual employees.',
];

/**
 * Builds the citizen's copy from the case stream (the complete record; read models hold nothing the
 * stream does not) and the access log.
 *
 * What is withheld, and why: the export is made by the municipality (a GDPR controller). Facts a
 * law-enforcement agency contributed are that agency's to disclose under the law-enforcement act,
 * which allows access to be restricted (for instance to protect an investigation). So the content of
 * sealed fields recorded by an agency whose `controllerRegime` is law-enforcement is replaced with a
 * note naming that agency, while the event itself (type, date, agency) stays listed, so the citizen
 * knows it exists and whom to ask. The citizen's own name and CPR number are always shown, whoever
 * recorded them. Entries marked 'sealed-identity' are included: the sealing protects the citizen's
 * identity from other people, not from the citizen.
 *
 * Staff user ids in event metadata are left out, as in the access report (agencies, not employees).
 */
export class CitizenCopyBuilder {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly accessReports: AccessReportSource,
    private readonly agencies: { get(code: string): Agency | undefined },
  ) {}

  /** Undefined when there is no such case. */
  async build(caseId: string, now: Date): Promise<CitizenCopy | undefined> {
    const events = await this.store.readStream(caseStreamId(caseId));
    if (events.length === 0) return undefined;
    const state = evolveAll(
      initialCaseState(),
      events.map((event) => ({ type: event.type, data: event.data }) as CaseEvent),
    );

    const sealed: Sealed[] = [];
    events.forEach((event) => collectSealed(event.data, sealed));
    const opened = new Map<string, OpenedValue>();
    (await this.vault.openMany(sealed)).forEach((value, index) => opened.set(sealed[index].sealed, value));
    const copied = (value: Sealed, withheldBy?: string): CopiedValue =>
      withheldBy
        ? { status: 'withheld', note: `recorded by ${withheldBy} under the law-enforcement data act; ask ${withheldBy} for access` }
        : asCopied(opened.get(value.sealed));

    const opening = events.find((event) => event.type === 'CaseOpened')?.data as
      { name?: Sealed; cpr?: Sealed; sealedBirthDate?: Sealed; sealedDistrictCode?: Sealed } | undefined;
    const openedText = (value: Sealed | undefined): string | undefined => {
      const found = value === undefined ? undefined : opened.get(value.sealed);
      return found?.status === 'available' ? found.value : undefined;
    };
    const citizenErasure = state.erasures.find((erasure) => erasure.scope === 'citizen');
    const report = await this.accessReports.accessReport(caseId);
    return {
      caseId,
      generatedAt: now.toISOString(),
      citizen: {
        name: opening?.name ? copied(opening.name) : { status: 'unreadable' },
        cpr: opening?.cpr ? copied(opening.cpr) : { status: 'unreadable' },
        // Sealed in CaseOpened (in clear in streams opened before issue 21); after a citizen erasure they
        // are no longer the citizen's data to show (the erasure, when and why, is in case.erasures).
        birthDate: citizenErasure ? null : (state.citizen?.birthDate ?? openedText(opening?.sealedBirthDate) ?? null),
        districtCode: citizenErasure ? null : (state.citizen?.districtCode ?? openedText(opening?.sealedDistrictCode) ?? null),
      },
      case: {
        status: state.status,
        openedAt: state.openedAt ?? null,
        closedAt: state.closedAt ?? null,
        referredBy: state.referredBy ?? null,
        coordinatorId: state.coordinator?.coordinatorId ?? null,
        agencies: [...state.agencies.keys()].sort(),
        activeLegalHolds: state.legalHolds.size,
        erasures: state.erasures.map(({ scope, reason, erasedAt }) => ({ scope, reason, erasedAt })),
      },
      events: events.map((event) => this.copyEvent(event, copied, citizenErasure?.erasedAt)),
      accessReport: report
        ? { available: true, lines: report }
        : { available: false, note: 'This installation keeps no access log; ask the municipality for the access report.' },
      notes: [...CITIZEN_COPY_NOTES],
    };
  }

  private copyEvent(event: RecordedEvent, copied: (value: Sealed, withheldBy?: string) => CopiedValue, citizenErasedAt?: string): CopiedEvent {
    const agency = typeof event.metadata.agency === 'string' ? event.metadata.agency : null;
    const lawEnforcement = agency !== null && this.agencies.get(agency)?.controllerRegime === 'law-enforcement';
    let data = replaceSealed(event.data, (value, path) => {
      const ownIdentity = event.type === 'CaseOpened' && ['name', 'cpr', 'sealedBirthDate', 'sealedDistrictCode'].includes(path);
      return copied(value, lawEnforcement && !ownIdentity ? agency : undefined);
    });
    if (event.type === 'CaseOpened' && citizenErasedAt !== undefined && typeof data === 'object' && data !== null) {
      // The birth date and district of an erased citizen are not shown, though old streams hold them in clear.
      const erased: CopiedValue = { status: 'erased', note: `erased on ${citizenErasedAt.slice(0, 10)}` };
      data = { ...(data as Record<string, unknown>), birthDate: erased, districtCode: erased };
    }
    return { recordedAt: event.recordedAt.toISOString(), type: event.type, agency, data };
  }
}

function asCopied(opened: OpenedValue | undefined): CopiedValue {
  if (opened?.status === 'available') return { status: 'available', value: opened.value };
  if (opened?.status === 'erased') return { status: 'erased', note: `erased on ${opened.erasedAt.toISOString().slice(0, 10)}` };
  return { status: 'unreadable' };
}

function collectSealed(value: unknown, into: Sealed[]): void {
  if (isSealed(value)) into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collectSealed(item, into));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => collectSealed(item, into));
}

/** A copy of `value` with every sealed value replaced; `path` is the dotted key path to it. */
function replaceSealed(value: unknown, replace: (sealed: Sealed, path: string) => CopiedValue, path = ''): unknown {
  if (isSealed(value)) return replace(value, path);
  if (Array.isArray(value)) return value.map((item, index) => replaceSealed(item, replace, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceSealed(item, replace, path ? `${path}.${key}` : key)]));
  }
  return value;
}
