'use strict';
const { callApi, forEachConcurrently } = require('../json-request');
const { syntheticCitizen, safeToday } = require('../case-setup');
const { CommandMix } = require('../command-mix');
const { runCommandMix, warmUp } = require('../http-benchmark');
const { startEmmettPeer } = require('./peer-process');

/**
 * What the mix sends as Authorization to the peer: the acting agency's code, unverified (the API's
 * figure gets signed tokens of the bench users, bench/api/bench-users.js, of the same agencies).
 */
const PEER_ACTORS = { coordinator: 'BIF', police: 'KBH-POLITI', prison: 'KBH-FAENGSLER' };

/** A case opened as case-setup.js opens one through the API: referral, SSP level 3, coordinator, police and prison joined. */
async function openPeerCase(baseUrl, index) {
  const { caseId } = await callApi(baseUrl, 'POST', '/cases', PEER_ACTORS.coordinator, {
    ...syntheticCitizen(index),
    districtCode: 'NORREBRO-1',
    reason: 'Gentagen kriminalitet; henvist af jobcentret',
  });
  const base = `/cases/${caseId}`;
  await callApi(baseUrl, 'POST', `${base}/assessments`, PEER_ACTORS.coordinator, {
    level: 3,
    rationale: 'Flere sigtelser for indbrud',
    assessedOn: safeToday(),
  });
  await callApi(baseUrl, 'POST', `${base}/coordinator`, PEER_ACTORS.coordinator, { coordinatorId: 'coord-01', agency: 'BIF' });
  await callApi(baseUrl, 'POST', `${base}/agencies/KBH-POLITI`, PEER_ACTORS.coordinator, {});
  await callApi(baseUrl, 'POST', `${base}/agencies/KBH-FAENGSLER`, PEER_ACTORS.coordinator, {});
  return caseId;
}

/**
 * Figure 2's runs against the Emmett peer: the same number of cases opened first, the same mix
 * (CommandMix, one request per case in flight), the same warm-up, autocannon at 1, 16 and 64
 * connections and 16 connections paced to the profile's fixed rate. Answers what figure 2's
 * phase answers for the API: { runs, fixedRate, peakRss } plus the peer's refused writes.
 */
async function measurePeerCommands(benchDatabaseUrl, profile, log) {
  const peer = await startEmmettPeer(benchDatabaseUrl, log);
  try {
    log(`HTTP peer: opening ${profile.coordinatorCases} cases through the Emmett peer`);
    const caseIds = [];
    await forEachConcurrently(
      Array.from({ length: profile.coordinatorCases }, (_, index) => index),
      8,
      async (index) => caseIds.push(await openPeerCase(peer.baseUrl, index)),
    );
    const mix = new CommandMix(caseIds, PEER_ACTORS);
    await warmUp(peer.baseUrl, mix);
    const runs = [];
    for (const connections of [1, 16, 64]) {
      log(`HTTP peer: command mix, ${connections} clients, ${profile.httpSeconds} s`);
      runs.push(await runCommandMix(peer.baseUrl, mix, { connections, seconds: profile.httpSeconds }));
    }
    log(`HTTP peer: command mix at ${profile.fixedRate} req/s`);
    const fixedRate = await runCommandMix(peer.baseUrl, mix, { connections: 16, seconds: profile.fixedRateSeconds, overallRate: profile.fixedRate });
    const peakRss = peer.memory().peakRss;
    // Every accepted command appends at least one event: a peer that answered without writing fails here.
    const accepted = [...runs, fixedRate].reduce((sum, run) => sum + run.ok, 0);
    const eventsStored = await peer.storedEvents();
    if (eventsStored < accepted) throw new Error(`the peer accepted ${accepted} commands but stored ${eventsStored} events`);
    return { cases: caseIds.length, runs, fixedRate, peakRss, eventsStored, refused: mix.failures };
  } finally {
    await peer.stop().catch((error) => log(`HTTP peer: could not stop cleanly: ${error.message}`));
  }
}

module.exports = { measurePeerCommands, PEER_ACTORS };
