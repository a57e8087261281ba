'use strict';
const { callApi, forEachConcurrently } = require('./json-request');
const { BENCH_USERS } = require('../api/bench-users');
const { benchCaseIdOf } = require('../api/api-process');

/** A synthetic CPR number per index (born 2004, serial 5xxx): unique for the first 300,000 indexes. */
function syntheticCitizen(index) {
  const day = String((index % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
  const serial = String(5000 + Math.floor(index / 336)).padStart(4, '0');
  return { cpr: `${day}${month}04-${serial}`, name: `Benchperson ${index}`, birthDate: `2004-${month}-${day}` };
}

/** Yesterday in UTC: a date no rule can call "in the future", whatever the time zone of the check. */
function safeToday() {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

function inDays(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Opens a case the way a coordinator does: referral, SSP level 3, the coordinator assigned, police
 * and prison brought in. Returns the case id (a referral answers 202 with none: it is found through
 * the CPR lookup, see benchCaseIdOf). The opener must be a coordinator who may run the case once referred:
 * one of the referral intake's agency (BIF), or another that the intake has brought in.
 */
async function openCoordinatedCase(baseUrl, tokens, index, { opener = 'coordinator' } = {}) {
  const citizen = syntheticCitizen(index);
  const openerUser = BENCH_USERS[opener];
  await callApi(baseUrl, 'POST', '/cases', tokens[opener], {
    ...citizen,
    districtCode: 'NORREBRO-1',
    reason: 'Gentagen kriminalitet; henvist af jobcentret',
  });
  const caseId = await benchCaseIdOf(citizen.cpr);
  if (openerUser.agency !== 'BIF') {
    // The referral put the intake (BIF) on the case, not the referrer: the intake brings it in.
    await callApi(baseUrl, 'POST', `/cases/${caseId}/agencies/${openerUser.agency}`, tokens.coordinator, {});
  }
  const base = `/cases/${caseId}`;
  await callApi(baseUrl, 'POST', `${base}/assessments`, tokens[opener], { level: 3, rationale: 'Flere sigtelser for indbrud', assessedOn: safeToday() });
  await callApi(baseUrl, 'POST', `${base}/coordinator`, tokens[opener], { coordinatorId: openerUser.userId, agency: openerUser.agency });
  await callApi(baseUrl, 'POST', `${base}/agencies/KBH-POLITI`, tokens[opener], {});
  await callApi(baseUrl, 'POST', `${base}/agencies/KBH-FAENGSLER`, tokens[opener], {});
  return caseId;
}

/** `firstIndex`: a later set of cases in the same database needs citizens of its own. */
async function openCoordinatorCases(baseUrl, tokens, count, { firstIndex = 0 } = {}) {
  const caseIds = [];
  await forEachConcurrently(
    Array.from({ length: count }, (_, index) => firstIndex + index),
    8,
    async (index) => caseIds.push(await openCoordinatedCase(baseUrl, tokens, index)),
  );
  return caseIds;
}

module.exports = { openCoordinatedCase, openCoordinatorCases, syntheticCitizen, safeToday, inDays };
