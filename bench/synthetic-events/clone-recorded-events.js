'use strict';
const { randomUUID } = require('node:crypto');

const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Copies of events the API really recorded, made fast enough to fill a store with a million: every
 * UUID in data and metadata (entry, action, custody, case ids, correlation ids...) is replaced by a
 * fresh one, the same fresh one wherever the original appeared in the copied group, so the copy is
 * a second, equally valid history (an acknowledgement still names its own share). Ids in `keep`
 * stay (the case id when copying within one case); `replace` swaps other exact strings (the CPR
 * hash, so each copied case stands for another citizen). Sealed fields stay as they were: they are
 * bound to the citizen's key, not to the entry, so within one case the API can still open them.
 */
function cloneEvents(events, { keep = new Set(), replace = new Map() } = {}) {
  const mapping = new Map();
  const swap = (text) => {
    let result = text.replace(UUID_PATTERN, (uuid) => {
      const lower = uuid.toLowerCase();
      if (keep.has(lower)) return uuid;
      if (!mapping.has(lower)) mapping.set(lower, randomUUID());
      return mapping.get(lower);
    });
    for (const [from, to] of replace) result = result.split(from).join(to);
    return result;
  };
  const copies = events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(swap(JSON.stringify(event.data))),
    metadata: JSON.parse(swap(JSON.stringify(event.metadata))),
  }));
  return { events: copies, idFor: (uuid) => mapping.get(uuid.toLowerCase()) ?? uuid };
}

module.exports = { cloneEvents };
