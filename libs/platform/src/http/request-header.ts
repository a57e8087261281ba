import type { FastifyRequest } from 'fastify';

/**
 * One request header as text (Node joins a repeated header with ", "; only Set-Cookie is a list,
 * and no request carries that), or undefined when the request has none.
 */
export function headerOf(request: Pick<FastifyRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
