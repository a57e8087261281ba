import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** A schema of the API's document by name, e.g. `Schema<'CommandAcceptedDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type SamvirkeClient = Client<paths>;

/**
 * A typed client for the Samvirke API (openapi-fetch over the generated `schema.d.ts`): paths,
 * parameters, bodies and answers are checked at compile time. Every error answer is a
 * `ProblemDetails` (RFC 9457) in `error`.
 *
 *   const api = createSamvirkeClient('http://127.0.0.1:3000', token);
 *   const { data, error } = await api.GET('/cases/{caseId}', { params: { path: { caseId } } });
 */
export function createSamvirkeClient(baseUrl: string, token: string, options: Omit<ClientOptions, 'baseUrl' | 'headers'> = {}): SamvirkeClient {
  return createClient<paths>({ ...options, baseUrl, headers: { Authorization: `Bearer ${token}` } });
}
