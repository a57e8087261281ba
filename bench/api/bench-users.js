'use strict';

/**
 * The people the bench acts as. The coordinator owns the worklist's 300 cases; it is coord-01 of
 * the development identity provider's demo users, so the console's worklist can be measured in a
 * browser signed in as the same person (the bench's API has no demo data: only the bench's cases).
 */
const BENCH_USERS = {
  coordinator: { userId: 'coord-01', agency: 'BIF', roles: ['coordinator'] },
  police: { userId: 'bench-police', agency: 'KBH-POLITI', roles: ['liaison'] },
  prison: { userId: 'bench-prison', agency: 'KBH-FAENGSLER', roles: ['liaison'] },
  /** Owns the 10,000-event case, so it stays out of the BIF coordinator's worklist. */
  socialCoordinator: { userId: 'bench-social-coordinator', agency: 'SOF', roles: ['coordinator'] },
  auditor: { userId: 'bench-auditor', agency: 'OKF', roles: ['auditor'] },
};

/** Bearer tokens for every bench user, minted once. */
async function mintBenchTokens(api) {
  const tokens = {};
  for (const [name, user] of Object.entries(BENCH_USERS)) tokens[name] = `Bearer ${await api.token(user)}`;
  return tokens;
}

module.exports = { BENCH_USERS, mintBenchTokens };
