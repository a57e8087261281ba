'use strict';
const { randomBytes, randomUUID } = require('node:crypto');

/**
 * One event as the case API writes it: an InformationShared with a sealed summary (base64 AES-GCM
 * text) and the metadata every event carries. The three writers store exactly these bytes, so
 * their difference is the work each does around them, not the size of what they write.
 */
function appendPayload(writerIndex) {
  const data = {
    entryId: randomUUID(),
    fromAgency: 'BIF',
    sharedWith: ['KBH-POLITI', 'SOF'],
    legalBasis: 'RPL115-1-1',
    purpose: 'crime-prevention',
    sensitivity: 'normal',
    summary: `v1.bench.${randomBytes(12).toString('base64')}.${randomBytes(120).toString('base64')}.${randomBytes(16).toString('base64')}`,
  };
  const metadata = {
    actor: `bench-writer-${writerIndex}`,
    agency: 'BIF',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    legalBasis: 'RPL115-1-1',
    idempotencyKey: randomUUID(),
    requestFingerprint: randomBytes(32).toString('hex'),
  };
  return { type: 'InformationShared', data, metadata, dataText: JSON.stringify(data), metadataText: JSON.stringify(metadata) };
}

module.exports = { appendPayload };
