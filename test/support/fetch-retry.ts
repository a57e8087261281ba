/**
 * fetch, sent once more when the server closed a kept-alive connection just as the request went out
 * ("other side closed" before any answer: the server's idle timeout and the client's reuse raced, and
 * the server never read the request). Any other failure, and every answer, is the test's to judge.
 */
export async function fetchAgainIfClosedIdle(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const closedIdle = error instanceof TypeError && (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET') && !init.signal?.aborted;
    if (!closedIdle) throw error;
    return fetch(url, init);
  }
}
