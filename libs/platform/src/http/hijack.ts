import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Takes the Node response away from Fastify (`reply.hijack()`) for a route that writes to it itself
 * (a stream, a handler from another framework), with the headers the API's hooks already set on the
 * reply (no-store, helmet's, the request id) moved onto it: hijacking alone would send none of them.
 * Headers given later to `writeHead` or `setHeader` replace these of the same name, in any case.
 */
export function hijackWithHeaders(reply: FastifyReply): ServerResponse {
  reply.hijack();
  const response = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
  return response;
}
