import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** A field of a row in COPY's binary format: its bytes in the pieces they arrived in, or null. */
export type BinaryCopyField = Buffer[] | null;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Runs `COPY (<select>) TO STDOUT (FORMAT binary)` on `client` and answers its rows, each field as
 * the bytes PostgreSQL sent (a json or text field: its UTF-8 text) in the pieces they arrived in.
 *
 * A query would do more work for a large field: pg turns every field into a JS string, after
 * growing a buffer that holds the whole message. For the bench's 1.6 MB snapshot view that decoding
 * and copying cost the API more than everything else in the read (bench/README.md, ninth round).
 * COPY takes no parameters, so `$1`, `$2`… in `select` are written in here as literals (withLiterals).
 */
export async function copyRowsOut(client: PoolClient, select: string, params: readonly CopyParameter[] = []): Promise<BinaryCopyField[][]> {
  const sql = withLiterals(select, params, (text) => client.escapeLiteral(text));
  const pieces: Buffer[] = [];
  for await (const piece of client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`))) pieces.push(piece as Buffer);
  return binaryCopyRows(pieces);
}

/** A value COPY's statement may carry: text (quoted as a literal) or a safe integer. */
export type CopyParameter = string | number;

/**
 * `select` with each `$n` replaced by `params[n - 1]` as a literal: text through `escape` (the
 * connection's escapeLiteral), a number only when it is a safe integer. A placeholder without its
 * value, a value no placeholder names, or any other number is refused, so a caller cannot build the
 * statement from text it did not quote. `select` is the caller's fixed SQL: a `$n` inside one of its
 * own string literals would be replaced too, so it must not hold one.
 */
export function withLiterals(select: string, params: readonly CopyParameter[], escape: (text: string) => string): string {
  const used = new Set<number>();
  const sql = select.replace(/\$(\d+)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= params.length) throw new Error(`COPY statement names $${digits}, and ${params.length} value(s) were given`);
    used.add(index);
    const value = params[index];
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new Error(`COPY statement value $${digits} is not a safe integer`);
      return String(value);
    }
    return escape(value);
  });
  if (used.size !== params.length) throw new Error(`COPY statement names ${used.size} of the ${params.length} value(s) given`);
  return sql;
}

/**
 * Parses COPY's binary format (the PostgreSQL manual, "COPY", "Binary Format"): an 11-byte
 * signature, a flags word, a header extension, then per row a field count and each field's length
 * (-1 for null) and bytes, ended by a field count of -1. Fields are views into `pieces`, never joined.
 */
export function binaryCopyRows(pieces: readonly Buffer[]): BinaryCopyField[][] {
  const reader = new PieceReader(pieces);
  if (!Buffer.concat(reader.take(SIGNATURE.length)).equals(SIGNATURE)) throw new Error('not COPY binary output: the signature differs');
  reader.int32(); // flags: none that change the layout of what follows is defined
  reader.take(reader.int32()); // the header extension, skipped as the format asks
  const rows: BinaryCopyField[][] = [];
  for (let count = reader.int16(); count !== -1; count = reader.int16()) {
    const row: BinaryCopyField[] = [];
    for (let i = 0; i < count; i++) {
      const length = reader.int32();
      row.push(length === -1 ? null : reader.take(length));
    }
    rows.push(row);
  }
  return rows;
}

/** A field's bytes as UTF-8 text; for small fields (the parts are joined). */
export function fieldText(field: BinaryCopyField): string | null {
  return field === null ? null : Buffer.concat(field).toString('utf8');
}

/** An int4 field (binary format: four bytes, big-endian). */
export function fieldInt4(field: BinaryCopyField): number | null {
  if (field === null) return null;
  const bytes = Buffer.concat(field);
  if (bytes.length !== 4) throw new Error(`an int4 field has 4 bytes in COPY binary output, not ${bytes.length}`);
  return bytes.readInt32BE(0);
}

class PieceReader {
  private index = 0;
  private offset = 0;

  constructor(private readonly pieces: readonly Buffer[]) {}

  take(length: number): Buffer[] {
    const out: Buffer[] = [];
    let left = length;
    while (left > 0) {
      const piece = this.pieces[this.index];
      if (piece === undefined) throw new Error('COPY binary output ended inside a row');
      const available = piece.length - this.offset;
      if (available === 0) {
        this.index += 1;
        this.offset = 0;
        continue;
      }
      const taken = Math.min(left, available);
      out.push(piece.subarray(this.offset, this.offset + taken));
      this.offset += taken;
      left -= taken;
    }
    return out;
  }

  int16(): number {
    return Buffer.concat(this.take(2)).readInt16BE(0);
  }

  int32(): number {
    return Buffer.concat(this.take(4)).readInt32BE(0);
  }
}
