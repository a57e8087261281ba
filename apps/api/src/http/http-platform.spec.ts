import { MAX_JSON_DEPTH, helmetHeaders, isIdentity, isUtf8, parseJsonBody } from './http-platform';

const parse = (text: string) => parseJsonBody(Buffer.from(text, 'utf8'));

describe('parseJsonBody: the JSON bodies the API reads', () => {
  it('reads an object or an array, and an empty body as {}', () => {
    expect(parse('{"a":[1,{"b":"c"}]}')).toEqual({ a: [1, { b: 'c' }] });
    expect(parse(' \n[1, 2]')).toEqual([1, 2]);
    expect(parse('')).toEqual({});
    expect(parse(' \r\n\t')).toEqual({});
  });

  it.each(['"text"', '42', 'null', 'true'])('refuses %s (not an object or an array) as malformed', (text) => {
    expect(() => parse(text)).toThrow(SyntaxError);
  });

  it('reads past a UTF-8 byte order mark', () => {
    expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]))).toEqual({ a: 1 });
  });

  it('refuses malformed JSON with a SyntaxError', () => {
    expect(() => parse('{"a":')).toThrow(SyntaxError);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, tagged entity.too.deep, and counts no bracket inside a string`, () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parse(deep)).toThrow(expect.objectContaining({ type: 'entity.too.deep', statusCode: 400 }));
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(() => parse(atLimit)).not.toThrow();
    const bracketsInStrings = JSON.stringify({ text: '['.repeat(100) + '\\"{'.repeat(50) });
    expect(parse(bracketsInStrings)).toEqual(JSON.parse(bracketsInStrings));
  });
});

describe('isUtf8: the charset a JSON body may name', () => {
  it.each([undefined, 'application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; charset=utf8'])(
    'reads %s as UTF-8',
    (type) => expect(isUtf8(type)).toBe(true),
  );
  it.each(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset='])('refuses %s', (type) =>
    expect(isUtf8(type)).toBe(false),
  );
});

describe('isIdentity: a JSON body is not compressed', () => {
  it.each([undefined, '', 'identity', ' Identity '])('takes Content-Encoding %p', (encoding) => expect(isIdentity(encoding)).toBe(true));
  it.each(['gzip', 'br', 'deflate', 'gzip, identity'])('refuses Content-Encoding %p', (encoding) => expect(isIdentity(encoding)).toBe(false));
});

describe('helmetHeaders: the security headers, worked out once', () => {
  it("gives helmet's headers for the options, the CSP with the directives given", () => {
    const headers = helmetHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } });
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('refuses a directive that would differ per request (a nonce function): it cannot be worked out once', () => {
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", () => "'nonce-x'"] } } })).toThrow();
  });
});
