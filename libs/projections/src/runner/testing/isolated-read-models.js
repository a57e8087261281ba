'use strict';
/**
 * Private copies of every real read model, for the read-model crash test (read-models-crash.int-spec.ts)
 * and its child process. Plain JavaScript requiring the compiled projections from dist/, so the
 * child (plain node) and the test's rebuild run the very same code.
 *
 * Each copy gets its own projection name, stream prefix and tables, so the test never repoints the
 * app's `read_models` views nor sees another test's events. The stream prefix still starts with
 * `case-`: timeline and information-flow take the case id from what follows `case-`.
 * A factory per real projection name: the test checks this map covers READ_MODEL_PROJECTIONS, so a
 * read model added to the app without a copy here fails the test instead of going untested.
 */
const { join } = require('node:path');
const { createTallyProjection } = require('./tally-projection.js');

const projectionsDist = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'libs', 'projections', 'src');
const compiled = (folder) => require(join(projectionsDist, folder, 'index.js'));
const effectsDist = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'libs', 'effects', 'src');
const notificationsDist = join(__dirname, '..', '..', '..', '..', '..', 'dist', 'libs', 'notifications', 'src');

const ISOLATED_READ_MODEL_FACTORIES = {
  timeline: ({ run, streamPrefix }) => compiled('timeline').createTimelineProjection({ name: `rmc-${run}-timeline`, streamPrefix, tablePrefix: `rmc_${run}_` }),
  'information-flow': ({ run, streamPrefix }) =>
    compiled('information-flow').createInformationFlowProjection({ name: `rmc-${run}-information-flow`, streamPrefix, tablePrefix: `rmc_${run}_` }),
  'case-summary': ({ run, streamPrefix }) =>
    compiled('case-summary').createCaseSummaryProjection({ name: `rmc-${run}-case-summary`, streamPrefix, table: `rmc_${run}_case_summary` }),
  outcome: ({ run, streamPrefix }) =>
    require(join(effectsDist, 'outcome', 'outcome.projection.js')).createOutcomeProjection({
      name: `rmc-${run}-outcome`,
      streamPrefix,
      table: `rmc_${run}_outcome_facts`,
    }),
  'entry-points': ({ run, streamPrefix }) =>
    compiled('entry-points').createEntryPointsProjection({
      name: `rmc-${run}-entry-points`,
      streamPrefix,
      tables: { current: `rmc_${run}_case_entry_point`, history: `rmc_${run}_case_entry_point_history`, access: `rmc_${run}_case_entry_point_access` },
    }),
  // Its notifications go to the shared public tables, under ids no other run can make (event ids).
  notifications: ({ run, streamPrefix }) =>
    require(join(notificationsDist, 'projection', 'notification.projection.js')).createNotificationProjection({
      name: `rmc-${run}-notifications`,
      streamPrefix,
      caseTable: `rmc_${run}_notification_case`,
    }),
};

function isolatedStreamPrefix(run) {
  // Not under `case-`: the app's own projections (other test files' apps share the database) must
  // not pick these streams up as cases.
  return `rmc${run}-case-`;
}

/**
 * Every isolated read model of run `run`, keyed by the real projection's name, plus a tally of the
 * same streams: the real read models are mostly replay-tolerant (revision guards, ON CONFLICT), so
 * an event delivered twice would not show in them; the tally's per-event primary key turns a
 * repeat into a failed projection.
 */
function createIsolatedReadModels(run) {
  const streamPrefix = isolatedStreamPrefix(run);
  const readModels = Object.fromEntries(Object.entries(ISOLATED_READ_MODEL_FACTORIES).map(([realName, create]) => [realName, create({ run, streamPrefix })]));
  const deliveryWitness = createTallyProjection({ name: `rmc-${run}-tally`, streamPrefix, tablePrefix: `rmc_${run}_tally` });
  return { streamPrefix, readModels, deliveryWitness };
}

module.exports = { createIsolatedReadModels, isolatedStreamPrefix, ISOLATED_READ_MODEL_FACTORIES };
