/**
 * The case state as JSON: its Maps become objects keyed as in the state, so an as-of answer and a
 * later one compare with a plain deep equality.
 */
export function stateAsJson(value: unknown): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([key, item]) => [String(key), stateAsJson(item)]));
  }
  if (Array.isArray(value)) return value.map(stateAsJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stateAsJson(item)]));
  }
  return value;
}
