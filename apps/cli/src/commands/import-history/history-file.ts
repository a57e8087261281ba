import { CASE_WRITE_RULES, systemWriteAllowed } from '@samvirke/access/policy/case-command-policy';
import type { CaseReferenceData } from '@samvirke/case';
import { isValidCprDate, normaliseCpr } from '@samvirke/case/cpr';
import { personalTexts, type UnsealedCommand } from '@samvirke/demo/unsealed-command';

/**
 * A history file: the facts of past cases, one row per case command, in the order they happened per
 * citizen (rows of different citizens may interleave). Each row names the citizen by CPR number, the
 * agency that acted, the command (a case command type) and its fields as the decider takes them, with
 * personal text (names, summaries, questions) as plain text to be sealed, and real-world dates where
 * a command has one (startedOn, chargedOn, sharedOn, requestedOn, acknowledgedOn, ...).
 *
 * JSON: an array of rows, or {"rows": [...]}; each row {cpr, agency, command, data, actor?}.
 * CSV (RFC 4180, a header line): the columns cpr, agency, command, data (the fields as one JSON
 * object) and optionally actor. OpenCase takes its citizen id, CPR hash and CPR from the row's cpr
 * (the referral path), and referredBy defaults to the row's agency.
 */
export interface HistoryRow {
  /** Where the row is in the file: "line 12" (CSV) or "row 12" (JSON). */
  readonly at: string;
  readonly cpr: string;
  readonly agency: string;
  readonly actor?: string;
  readonly command: UnsealedCommand;
}

/** A row refused, by the file check or by the rules; never with the values it held. */
export interface RefusedRow {
  readonly at: string;
  readonly command: string;
  readonly reason: string;
  readonly field?: string;
  readonly message: string;
}

export interface HistoryFile {
  readonly rows: HistoryRow[];
  readonly refused: RefusedRow[];
}

export class HistoryFileError extends Error {}

const ROW_FIELDS = ['cpr', 'agency', 'command', 'data', 'actor'];
/** OpenCase's identity comes from the row's cpr, as a referral's does. */
const IDENTITY_FIELDS = ['citizenId', 'cprHash', 'cpr'];

export function parseHistoryFile(text: string, format: 'csv' | 'json', refData: Pick<CaseReferenceData, 'agencies'>): HistoryFile {
  const raw = format === 'json' ? jsonRows(text) : csvRows(text);
  const rows: HistoryRow[] = [];
  const refused: RefusedRow[] = [];
  for (const { at, value } of raw) {
    const checked = checkRow(at, value, refData);
    if ('reason' in checked) refused.push(checked);
    else rows.push(checked);
  }
  return { rows, refused };
}

export function formatOf(path: string): 'csv' | 'json' {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  throw new HistoryFileError('the file must end in .csv or .json');
}

function jsonRows(text: string): { at: string; value: unknown }[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new HistoryFileError('the file is not valid JSON');
  }
  const list: unknown = Array.isArray(document)
    ? document
    : typeof document === 'object' && document !== null
      ? (document as { rows?: unknown }).rows
      : undefined;
  if (!Array.isArray(list)) throw new HistoryFileError('a JSON history file is an array of rows, or {"rows": [...]}');
  return (list as unknown[]).map((value, index) => ({ at: `row ${index + 1}`, value }));
}

function csvRows(text: string): { at: string; value: unknown }[] {
  const records = parseCsv(text);
  if (records.length === 0) throw new HistoryFileError('the CSV file is empty');
  const header = records[0].fields.map((name) => name.trim());
  for (const required of ['cpr', 'agency', 'command', 'data']) {
    if (!header.includes(required))
      throw new HistoryFileError(`the CSV header must name the columns cpr, agency, command, data (and optionally actor); ${required} is missing`);
  }
  const unknown = header.find((name) => !ROW_FIELDS.includes(name));
  if (unknown !== undefined) throw new HistoryFileError(`the CSV header names a column that is not one of ${ROW_FIELDS.join(', ')}`);
  return records.slice(1).map(({ line, fields }) => {
    const at = `line ${line}`;
    if (fields.length !== header.length) return { at, value: { invalid: 'columns' } };
    const value: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (name === 'data') {
        try {
          value.data = JSON.parse(fields[i]);
        } catch {
          value.data = { invalid: 'json' };
          value.invalidJson = true;
        }
      } else if (!(name === 'actor' && fields[i] === '')) value[name] = fields[i];
    });
    return { at, value };
  });
}

function checkRow(at: string, value: unknown, refData: Pick<CaseReferenceData, 'agencies'>): HistoryRow | RefusedRow {
  const refuse = (command: string, reason: string, field: string | undefined, message: string): RefusedRow => ({
    at,
    command,
    reason,
    ...(field === undefined ? {} : { field }),
    message,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refuse('', 'INVALID_ROW', undefined, 'a row is an object with cpr, agency, command and data');
  const row = value as Record<string, unknown>;
  if ('invalid' in row) return refuse('', 'INVALID_ROW', undefined, 'the line must have as many fields as the header');
  const command = typeof row.command === 'string' ? row.command : '';
  if (!(command in CASE_WRITE_RULES)) return refuse('', 'UNKNOWN_COMMAND', 'command', 'command must be a case command type, e.g. EnrolInProgramme');
  if (!systemWriteAllowed('history-import', command as keyof typeof CASE_WRITE_RULES)) {
    return refuse(
      command,
      'COMMAND_NOT_IMPORTABLE',
      'command',
      'the history import records what happened on a case; it does not erase, hold, escalate or ask for intake',
    );
  }
  const unknownField = Object.keys(row).find((key) => !ROW_FIELDS.includes(key) && key !== 'invalidJson');
  if (unknownField !== undefined) return refuse(command, 'INVALID_ROW', undefined, `a row has only the fields ${ROW_FIELDS.join(', ')}`);
  let cpr: string;
  try {
    cpr = normaliseCpr(typeof row.cpr === 'string' ? row.cpr : '');
  } catch {
    return refuse(command, 'INVALID_CPR', 'cpr', 'cpr must be 10 digits, written DDMMYY-SSSS or DDMMYYSSSS');
  }
  if (!isValidCprDate(cpr)) return refuse(command, 'INVALID_CPR', 'cpr', 'cpr must start with a valid birth date (DDMMYY)');
  const agency = typeof row.agency === 'string' ? row.agency : '';
  if (!refData.agencies.has(agency)) return refuse(command, 'UNKNOWN_AGENCY', 'agency', 'agency must be an agency code from reference data');
  if (row.actor !== undefined && (typeof row.actor !== 'string' || !/^[A-Za-z0-9._:@-]{1,100}$/.test(row.actor))) {
    return refuse(command, 'INVALID_ROW', 'actor', 'actor must be a user id (letters, digits and . _ : @ -)');
  }
  if (row.invalidJson === true) return refuse(command, 'INVALID_DATA', 'data', 'data must be a JSON object of the command fields');
  if (typeof row.data !== 'object' || row.data === null || Array.isArray(row.data))
    return refuse(command, 'INVALID_DATA', 'data', 'data must be an object of the command fields');
  const data = { ...(row.data as Record<string, unknown>) };
  if (command === 'OpenCase') {
    const identity = IDENTITY_FIELDS.find((key) => key in data);
    if (identity !== undefined)
      return refuse(
        command,
        'INVALID_DATA',
        `data.${identity}`,
        "OpenCase takes the citizen's identity from the row's cpr; leave citizenId, cprHash and cpr out",
      );
    data.referredBy ??= agency;
    data.cpr = cpr;
  }
  const unsealed = { type: command, data } as unknown as UnsealedCommand;
  let texts: unknown[];
  try {
    texts = personalTexts(unsealed);
  } catch {
    return refuse(command, 'INVALID_DATA', 'data', 'data must have the fields of the command');
  }
  if (texts.some((text) => typeof text !== 'string' || text.trim() === '')) {
    return refuse(command, 'INVALID_DATA', 'data', 'every personal text of the command (name, reason, summary, question, ...) must be a non-empty string');
  }
  return { at, cpr, agency, ...(typeof row.actor === 'string' ? { actor: row.actor } : {}), command: unsealed };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new HistoryFileError(`the CSV file ends inside a quoted field (opened on line ${recordLine})`);
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}
