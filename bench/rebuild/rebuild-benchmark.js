'use strict';
const { fork } = require('node:child_process');
const { join } = require('node:path');
const { benchPrivacyEnv } = require('../api/api-process');

/**
 * Rebuilds every read model in a child process, in turn and then together; answers the timings and memory of each,
 * and of the notifications' first pass over the filled events before them (rebuild-child.js, catchUpNotifications).
 */
function rebuildAllProjections(databaseUrl) {
  return new Promise((resolve, reject) => {
    // The bench's keys: the rebuild reads the log through the opening store, as projections:rebuild does.
    const child = fork(join(__dirname, 'rebuild-child.js'), [JSON.stringify({ databaseUrl })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The live heap after full collections at 25% and 100% (rebuild-child.js).
      execArgv: ['--expose-gc'],
      env: { ...process.env, ...benchPrivacyEnv() },
    });
    let answer;
    child.on('message', (message) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.results) resolve({ projections: answer.results, joint: answer.joint, notificationsCatchUp: answer.notificationsCatchUp });
      else reject(new Error(answer?.error ?? `rebuild process exited with code ${code}`));
    });
  });
}

module.exports = { rebuildAllProjections };
