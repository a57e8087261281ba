'use strict';
const { randomBytes } = require('node:crypto');
const { cloneEvents } = require('../synthetic-events/clone-recorded-events');

const TEMPLATE_MAX_EVENTS = 60;
const WRITERS = 4;

/**
 * Tops the store up to `target` case events for the rebuild, by copying the richest case the HTTP
 * phase produced (most distinct event types) into new cases: new ids everywhere and a new CPR hash,
 * so each copy is another citizen's valid history. A copy may be cut short to land on the target
 * exactly; any prefix of a valid history is valid.
 */
async function fillCaseEvents(store, target, log) {
  const counted = await store.pool.query("SELECT count(*)::bigint AS n FROM es_events WHERE stream_id LIKE 'case-%'");
  let missing = target - Number(counted.rows[0].n);
  if (missing <= 0) return { added: 0 };
  const richest = await store.pool.query(
    `SELECT stream_id FROM es_events WHERE stream_id LIKE 'case-%'
      GROUP BY stream_id ORDER BY count(DISTINCT event_type) DESC, count(*) DESC LIMIT 1`,
  );
  const templateStream = richest.rows[0].stream_id;
  const template = await store.readStream(templateStream, { maxCount: TEMPLATE_MAX_EVENTS });
  const templateCaseId = templateStream.slice('case-'.length);
  const cprHash = template[0].data.cprHash;
  log(`rebuild: adding ${missing} events as copies of a ${template.length}-event case (${new Set(template.map((e) => e.type)).size} event types)`);
  let added = 0;
  const writer = async () => {
    while (missing > 0) {
      const take = Math.min(template.length, missing);
      missing -= take;
      const replace =
        typeof cprHash === 'string'
          ? new Map([
              [
                cprHash,
                randomBytes(Math.ceil(cprHash.length / 2))
                  .toString('hex')
                  .slice(0, cprHash.length),
              ],
            ])
          : new Map();
      const copy = cloneEvents(template.slice(0, take), { replace });
      await store.appendToStream(`case-${copy.idFor(templateCaseId)}`, copy.events, 'no-stream');
      added += take;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return { added, templateEvents: template.length };
}

module.exports = { fillCaseEvents };
