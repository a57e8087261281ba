import fc from 'fast-check';
import { escapeLiteral } from 'pg';
import { binaryCopyRows, fieldInt4, fieldText, withLiterals, type BinaryCopyField } from './binary-copy';

/** COPY's binary output for `rows` (fields as bytes or null), as PostgreSQL writes it. */
function copyOutput(rows: Array<Array<Buffer | null>>, extension = Buffer.alloc(0)): Buffer {
  const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  return Buffer.concat([
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    int32(0),
    int32(extension.length),
    extension,
    ...rows.flatMap((row) => [int16(row.length), ...row.flatMap((field) => (field === null ? [int32(-1)] : [int32(field.length), field]))]),
    int16(-1),
  ]);
}

/** `bytes` cut at `cuts` (positions, any order, repeats allowed: empty pieces too). */
function cut(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

const joined = (field: BinaryCopyField) => (field === null ? null : Buffer.concat(field));

describe('binaryCopyRows', () => {
  it('answers every field as sent, however the output was cut into pieces', () => {
    const field = fc.option(
      fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { maxLength: 4 }), { maxLength: 4 }),
        fc.uint8Array({ maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (rows, extension, cuts) => {
          const parsed = binaryCopyRows(cut(copyOutput(rows, Buffer.from(extension)), cuts));
          expect(parsed.map((row) => row.map(joined))).toEqual(rows);
        },
      ),
    );
  });

  it('hands a field over as views into the pieces, not a copy', () => {
    const text = Buffer.from('{"notes":"Ærø – €"}');
    // Each piece in memory of its own (Buffer.alloc is never pooled), as network reads are.
    const pieces = cut(copyOutput([[text]]), [25, 30]).map((piece) => {
      const own = Buffer.alloc(piece.length);
      piece.copy(own);
      return own;
    });
    const [[field]] = binaryCopyRows(pieces);
    expect(field).toHaveLength(2);
    expect(field![0].buffer).toBe(pieces[1].buffer);
    expect(fieldText(field)).toBe('{"notes":"Ærø – €"}');
  });

  it('reads int4 and text fields and nulls', () => {
    const four = Buffer.alloc(4);
    four.writeInt32BE(-3);
    const [[level, mac, none]] = binaryCopyRows([copyOutput([[four, Buffer.from('c0ffee'), null]])]);
    expect(fieldInt4(level)).toBe(-3);
    expect(fieldText(mac)).toBe('c0ffee');
    expect(fieldInt4(none)).toBeNull();
    expect(fieldText(none)).toBeNull();
    expect(() => fieldInt4([Buffer.from('abc')])).toThrow('4 bytes');
  });

  it('refuses output that is not COPY binary, or ends inside a row', () => {
    expect(() => binaryCopyRows([Buffer.from('id\tview\n1\t{}\n')])).toThrow('signature');
    const whole = copyOutput([[Buffer.from('abcdef')]]);
    expect(() => binaryCopyRows([whole.subarray(0, whole.length - 4)])).toThrow('ended inside a row');
  });

  it('answers no rows for output with none', () => {
    expect(binaryCopyRows([copyOutput([])])).toEqual([]);
  });
});

describe('withLiterals (the values of a COPY statement)', () => {
  it('writes text as quoted literals and safe integers as digits, each where its $n stands', () => {
    expect(withLiterals('SELECT 1 WHERE a = $1 AND b = $2 AND c = $3 AND d = $1', ["x'); DROP TABLE t; --", 42, 'case-\\1'], escapeLiteral)).toBe(
      "SELECT 1 WHERE a = 'x''); DROP TABLE t; --' AND b = 42 AND c =  E'case-\\\\1' AND d = 'x''); DROP TABLE t; --'",
    );
  });

  it('refuses a number that is not a safe integer, a $n without its value and a value nobody names', () => {
    expect(() => withLiterals('WHERE r = $1', [1.5], escapeLiteral)).toThrow(/not a safe integer/);
    expect(() => withLiterals('WHERE r = $1', [Number.NaN], escapeLiteral)).toThrow(/not a safe integer/);
    expect(() => withLiterals('WHERE r = $1', [2 ** 60], escapeLiteral)).toThrow(/not a safe integer/);
    expect(() => withLiterals('WHERE a = $1 AND b = $2', ['x'], escapeLiteral)).toThrow(/names \$2/);
    expect(() => withLiterals('WHERE a = $0', ['x'], escapeLiteral)).toThrow(/names \$0/);
    expect(() => withLiterals('WHERE a = $1', ['x', 'y'], escapeLiteral)).toThrow(/names 1 of the 2/);
  });

  it('gives PostgreSQL back any text as it was (a literal cannot end early)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        // pg's escapeLiteral writes a space before an E'' literal.
        const literal = withLiterals('$1', [text], escapeLiteral).trim();
        // What PostgreSQL reads from the literal: E'' strings unescape backslashes; both double quotes.
        const body = literal.startsWith("E'") ? literal.slice(2, -1).replace(/\\\\/g, '\\') : literal.slice(1, -1);
        expect(literal.endsWith("'")).toBe(true);
        expect(body.replace(/''/g, "'")).toBe(text);
        expect(body.replace(/''/g, '')).not.toContain("'");
      }),
    );
  });
});
