'use strict';
/**
 * The peer of the HTTP command figure: the same case commands, load, decide, append with the expected
 * stream version, through Emmett's CommandHandler on Emmett's PostgreSQL event store, behind a bare
 * node:http server. No framework, no authentication, no audit, no sealing (see peer-routes.js): it is
 * the floor of load-decide-append over HTTP on this machine, which the API's figure is read against.
 *
 * The decision is Samvirke's own pure decider (`decide`, `evolve`, `initialCaseState` from the compiled
 * dist/libs/case, with the shipped reference data), so both sides run the same rules on the same
 * commands. Emmett folds the whole stream on every command (its CommandHandler keeps no state between
 * calls), with `evolve` one event at a time.
 *
 * Run by peer-process.js: PEER_DATABASE_URL, PEER_POOL_SIZE, PORT (0: any); prints
 * `{"listening":<port>}` on stdout when it answers, and stops on SIGTERM or when its stdin closes.
 */
const http = require('node:http');
const { Pool } = require('pg');
const { CommandHandler, isExpectedVersionConflictError } = require('@event-driven-io/emmett');
const { getPostgreSQLEventStore } = require('@event-driven-io/emmett-postgresql');
const { distModule } = require('../../build/compiled-app');
const { matchRoute, bodyViolations } = require('./peer-routes');

const { decide, evolve, initialCaseState, CaseRuleViolation, isIsoDate } = distModule('libs/case/src/index.js');
const { loadReferenceData } = distModule('libs/reference-data/src/index.js');
const { CASE_STREAM_PREFIX } = distModule('libs/case/src/application/case-identity.js');

const MAX_BODY_BYTES = 100 * 1024;

const context = { refData: loadReferenceData(), isIsoDate };
const handleCase = CommandHandler({
  evolve,
  initialState: initialCaseState,
  mapToStreamId: (caseId) => `${CASE_STREAM_PREFIX}${caseId}`,
  // The API retries a lost expected-revision race too; the mix never causes one (one request per case in flight).
  retry: { onVersionConflict: true },
});

class HttpProblem extends Error {
  constructor(status, body) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpProblem(413, { message: 'the body is too large' }));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size === 0) return resolve({});
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpProblem(400, { message: 'the body is not JSON' }));
      }
    });
    request.on('error', reject);
  });
}

async function answer(request, store) {
  const pathname = request.url.split('?', 1)[0];
  if (request.method === 'GET' && pathname === '/health') return { status: 200, body: { ok: true } };
  const match = matchRoute(request.method, pathname, context);
  if (!match) throw new HttpProblem(404, { message: `no route ${request.method} ${pathname}` });
  const agency = request.headers.authorization;
  if (!agency) throw new HttpProblem(401, { message: 'the Authorization header names the acting agency' });
  if (!context.refData.agencies.has(agency)) throw new HttpProblem(403, { message: 'unknown agency' });
  const body = await readBody(request);
  const violations = [...match.violations, ...bodyViolations(body, match.route.body, context)];
  if (violations.length > 0) throw new HttpProblem(400, { message: 'the request has invalid fields', violations });
  const command = match.route.build({ caseId: match.caseId, params: match.params, body, agency });
  const result = await handleCase(store, match.caseId, (state) => decide(command, state, { now: new Date(), refData: context.refData }));
  return {
    status: match.route.status,
    body: {
      caseId: match.caseId,
      revision: Number(result.nextExpectedStreamVersion),
      position: String(result.lastEventGlobalPosition),
      replayed: false,
    },
  };
}

function problemOf(error) {
  if (error instanceof HttpProblem) return { status: error.status, body: error.body };
  if (error instanceof CaseRuleViolation) return { status: 422, body: { reason: error.reason, message: error.message } };
  if (isExpectedVersionConflictError(error)) return { status: 409, body: { message: 'the case moved on; try again' } };
  process.stderr.write(`emmett peer: ${error.stack ?? error}\n`);
  return { status: 500, body: { message: 'internal error' } };
}

async function main() {
  const url = process.env.PEER_DATABASE_URL;
  if (!url) throw new Error('PEER_DATABASE_URL is required');
  const pool = new Pool({ connectionString: url, max: Number(process.env.PEER_POOL_SIZE || 20) });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  // Emmett creates its schema on first use; before the first request, not during it.
  await store.schema.migrate();

  const server = http.createServer((request, response) => {
    answer(request, store).then(
      (result) => send(response, result),
      (error) => send(response, problemOf(error)),
    );
  });
  await new Promise((resolve) => server.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ listening: server.address().port })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    Promise.allSettled([store.close(), pool.end()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The bench holds our stdin open; its end means the bench is gone, and a peer left running would load the next run.
  process.stdin.on('end', stop).resume();
}

function send(response, { status, body }) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

main().catch((error) => {
  process.stderr.write(`emmett peer: ${error.stack ?? error}\n`);
  process.exit(1);
});
