/**
 * A generated history of citizens for the bulk import (npm run cli -- import-history), with what the
 * effect measures must say about it computed here, independently of the engine: plain date
 * arithmetic on the generated facts (enrolment days 1-28, so "12 months later" is the same day).
 */
export interface GeneratedHistory {
  readonly rows: { cpr: string; agency: string; command: string; data: Record<string, unknown>; actor?: string }[];
  /** Per person enrolled: district, enrolment day, whether self-sufficient 12 months after, whether a share in the first year was acknowledged more than 5 days late. */
  readonly people: { districtCode: string; enrolledOn: string; selfSufficientAt12m: boolean; lateInformation: boolean }[];
}

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function generateHistory(citizens: number, districtCodes: readonly string[], seed = 22): GeneratedHistory {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const rows: GeneratedHistory['rows'] = [];
  const people: GeneratedHistory['people'] = [];
  for (let i = 0; i < citizens; i++) {
    const year = 1996 + Math.floor(next() * 4);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    // The 7th digit 0-1 puts a two-digit year in the 1900s; the sequence number makes each CPR unique.
    const cpr = `${pad(day)}${pad(month)}${pad(year % 100)}${pad(i, 4)}`;
    const birthDate = `${year}-${pad(month)}-${pad(day)}`;
    const districtCode = pick(districtCodes);
    const enrolledOn = `${2019 + Math.floor(next() * 2)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    const windowEnd = `${Number(enrolledOn.slice(0, 4)) + 1}${enrolledOn.slice(4)}`;
    // Opened (referred) some weeks before the enrolment, on its real-world day.
    const openedOn = addDays(enrolledOn, -Math.floor(next() * 60));
    rows.push({
      cpr,
      agency: 'BIF',
      command: 'OpenCase',
      data: { name: `Historisk Borger ${i}`, birthDate, districtCode, reason: 'Historisk sag fra det gamle system', openedOn },
    });
    rows.push({ cpr, agency: 'BIF', command: 'EnrolInProgramme', data: { programmeCode: 'SSP_PLUS', startedOn: enrolledOn }, actor: 'jobcenter-historik' });
    let selfSufficientAt12m = false;
    if (next() < 0.5) {
      // Some on the window's last day itself, some the day after: the edge must fall right.
      const offset = next() < 0.1 ? (next() < 0.5 ? 365 : 366) : Math.floor(30 + next() * 500);
      const reachedOn = addDays(enrolledOn, offset);
      rows.push({ cpr, agency: 'BIF', command: 'RegisterSelfSufficiency', data: { reachedOn, through: 'employment' } });
      selfSufficientAt12m = reachedOn <= windowEnd;
    }
    let lateInformation = false;
    if (next() < 0.1) {
      const entryId = `00000000-0000-4000-8000-${pad(i, 12)}`;
      const sharedOn = addDays(enrolledOn, 10);
      const delay = next() < 0.5 ? 5 : 6;
      rows.push({ cpr, agency: 'BIF', command: 'AssignCoordinator', data: { coordinatorId: 'coord-historik', agency: 'BIF' } });
      rows.push({ cpr, agency: 'BIF', command: 'JoinCase', data: { agency: 'SOF' } });
      rows.push({
        cpr,
        agency: 'BIF',
        command: 'ShareInformation',
        data: {
          entryId,
          fromAgency: 'BIF',
          sharedWith: ['SOF'],
          legalBasis: 'RPL115-1-1',
          purpose: 'crime-prevention',
          sensitivity: 'normal',
          summary: 'Oplysninger fra det gamle system',
          sharedOn,
        },
      });
      rows.push({ cpr, agency: 'SOF', command: 'AcknowledgeInformation', data: { entryId, agency: 'SOF', acknowledgedOn: addDays(sharedOn, delay) } });
      lateInformation = delay > 5;
    }
    people.push({ districtCode, enrolledOn, selfSufficientAt12m, lateInformation });
  }
  return { rows, people };
}

/** RFC 4180 CSV of the rows (the data column as one JSON object). */
export function historyCsv(rows: GeneratedHistory['rows']): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `cpr,agency,command,data,actor\r\n${rows.map((r) => [r.cpr, r.agency, r.command, JSON.stringify(r.data), r.actor ?? ''].map(field).join(',')).join('\r\n')}\r\n`;
}
