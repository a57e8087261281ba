import type { FastifyRequest } from 'fastify';
import { withoutRequestInput } from './request-input';

/** The exception filter's last line: no string of an error body may carry what the client sent. */
function requestWith(parts: Partial<Pick<FastifyRequest, 'params' | 'query' | 'body' | 'headers'>>): FastifyRequest {
  return { params: {}, query: {}, body: undefined, headers: {}, ...parts } as unknown as FastifyRequest;
}

describe('withoutRequestInput', () => {
  it('replaces a message that quotes a path parameter with fixed words, and keeps the reason code', () => {
    const body = {
      type: 'https://samvirke.kk.dk/problems/case-not-found',
      title: 'Not Found',
      status: 404,
      detail: 'no case Zq-marker-1 that you may see',
      reason: 'CASE_NOT_FOUND',
    };
    const cleaned = withoutRequestInput(body, requestWith({ params: { caseId: 'Zq-marker-1' } }));
    expect(JSON.stringify(cleaned)).not.toContain('Zq-marker-1');
    expect(cleaned).toMatchObject({ type: body.type, title: 'Not Found', status: 404, reason: 'CASE_NOT_FOUND', detail: expect.any(String) });
  });

  it('finds values in the query, nested body values, non-protocol headers and odd body keys, whatever their case', () => {
    const request = requestWith({
      query: { district: ['a', 'query-marker'] },
      body: { decisions: [{ text: 'body-marker' }], '<b>key-marker</b>': 1 },
      headers: { 'idempotency-key': 'header-marker' },
    });
    for (const marker of ['QUERY-MARKER', 'body-marker', 'header-marker', '<b>key-marker</b>']) {
      const cleaned = withoutRequestInput(
        { title: 'Bad Request', status: 400, detail: `about ${marker}`, violations: [{ field: `x.${marker}`, rule: 'isIn', message: 'fixed' }] },
        request,
      );
      expect(JSON.stringify(cleaned).toLowerCase()).not.toContain(marker.toLowerCase());
      expect(cleaned['violations']).toEqual([{ field: '(withheld)', rule: 'isIn', message: 'fixed' }]);
    }
  });

  it('leaves fixed words alone: short values, protocol headers and field names the DTO defines', () => {
    const body = {
      type: 'https://samvirke.kk.dk/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'the request body must be application/json',
      reason: 'VALIDATION_FAILED',
      violations: [{ field: 'agency', rule: 'isIn', message: 'agency must be BIF or SOF' }],
    };
    const request = requestWith({ body: { agency: 'BIF' }, headers: { 'content-type': 'application/json' } });
    expect(withoutRequestInput(body, request)).toEqual(body);
  });
});
