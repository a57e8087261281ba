export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
/** Pool for read models, indexes and other state that is not the event log. */
export const DATABASE_POOL = Symbol('DATABASE_POOL');
/** A clock the domain reads `now` from; tests replace it. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Route metadata that opens a route to unauthenticated callers (health only). Read by the auth guard. */
export const PUBLIC_ROUTE = 'samvirke:access:public';
