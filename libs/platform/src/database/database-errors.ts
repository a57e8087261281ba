/** The database named by the settings cannot be reached (sysexits EX_UNAVAILABLE, 69, in the apps). */
export class DatabaseUnreachableError extends Error {}

/**
 * The embedded PostgreSQL under DATA_DIR belongs to another live process and this one cannot use it.
 * A subclass, so every app that already maps an unreachable database to one line and exit 69 does
 * the same for this.
 */
export class DatabaseInUseError extends DatabaseUnreachableError {}
