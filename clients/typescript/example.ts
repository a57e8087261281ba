import { createSamvirkeClient } from './index';

/**
 * The README's write flow with the typed client (type-checked by `npm run client:check`, run against
 * the real API by test/e2e/typed-client.e2e-spec.ts): read the case and its revision, write only over
 * what was read (If-Match), and learn the current revision when someone else wrote first.
 */
export async function assessOverWhatWasRead(baseUrl: string, token: string, caseId: string) {
  const api = createSamvirkeClient(baseUrl, token);
  const read = await api.GET('/cases/{caseId}', { params: { path: { caseId } } });
  if (!read.data) throw new Error(`read refused: ${read.error?.reason}`);
  const etag = read.response.headers.get('ETag') ?? `"${read.data.revision}"`;

  const written = await api.POST('/cases/{caseId}/assessments', {
    params: { path: { caseId }, header: { 'If-Match': etag } },
    body: { level: 3, rationale: 'Escalating conflict', assessedOn: '2026-03-01' },
  });
  if (!written.data) throw new Error(`write refused: ${written.error?.reason}`);
  const { revision, position } = written.data;

  // The same If-Match again is stale now: 412, with the revision to read again from.
  const stale = await api.POST('/cases/{caseId}/assessments', {
    params: { path: { caseId }, header: { 'If-Match': etag } },
    body: { level: 4, rationale: 'Read before writing', assessedOn: '2026-03-02' },
  });
  const refusal = stale.error && { status: stale.response.status, reason: stale.error.reason, currentRevision: stale.error.currentRevision };

  // Read your own write: the read waits until the read models include it.
  const again = await api.GET('/cases/{caseId}', { params: { path: { caseId }, query: { consistentWith: position ?? undefined } } });
  return { caseId: written.data.caseId, revisionRead: read.data.revision, revision, position, refusal, revisionNow: again.data?.revision };
}
