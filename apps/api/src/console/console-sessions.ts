import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
// reply.setCookie: @fastify/cookie, registered by mountConsole in the context of the routes that sign in and out.
import type {} from '@fastify/cookie';
import type { Pool } from 'pg';
import { SessionRequestRefused, type AuthenticatedUser, type SessionAuthenticator } from '@samvirke/access';
import type { MasterKeyring } from '@samvirke/privacy';
import type { ConsoleConfig } from './console-config';

export interface ConsoleSession {
  user: AuthenticatedUser;
  /** Sent back by the browser in X-CSRF-Token on every write (synchronizer token). */
  csrfToken: string;
  /** For the identity provider's sign-out (RP-initiated logout); never leaves the server. */
  idToken?: string;
  createdAt: number;
  lastUsedAt: number;
}

/** A session as stored: no session id (only its SHA-256), no CSRF token (derived from the id), the ID token sealed. */
export interface StoredConsoleSession {
  idHash: string;
  actor: AuthenticatedUser;
  idTokenSealed: Buffer | null;
  keyVersion: string | null;
  createdAt: number;
  lastUsedAt: number;
}

/** Where the sessions live: PostgreSQL in the API (PostgresConsoleSessionStore). */
export interface ConsoleSessionStore {
  insert(session: StoredConsoleSession): Promise<void>;
  /** The session, its last use set to `now`, if it was created after `createdAfter` and used after `usedAfter`; otherwise it is deleted. */
  use(idHash: string, now: number, createdAfter: number, usedAfter: number): Promise<StoredConsoleSession | undefined>;
  delete(idHash: string): Promise<void>;
  /** Deletes every session past either expiry; answers how many. */
  deleteExpired(createdAfter: number, usedAfter: number): Promise<number>;
}

interface SessionRow {
  id_hash: string;
  actor: AuthenticatedUser;
  id_token_sealed: Buffer | null;
  key_version: string | null;
  created_at: Date;
  last_used_at: Date;
}

/** The table console_sessions (libs/migrations, ...-console-sessions.ts). */
export class PostgresConsoleSessionStore implements ConsoleSessionStore {
  constructor(private readonly pool: Pool) {}

  async insert(session: StoredConsoleSession): Promise<void> {
    await this.pool.query(
      `INSERT INTO console_sessions (id_hash, actor, id_token_sealed, key_version, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0))`,
      [session.idHash, JSON.stringify(session.actor), session.idTokenSealed, session.keyVersion, session.createdAt, session.lastUsedAt],
    );
  }

  async use(idHash: string, now: number, createdAfter: number, usedAfter: number): Promise<StoredConsoleSession | undefined> {
    const { rows } = await this.pool.query<SessionRow>(
      `UPDATE console_sessions SET last_used_at = to_timestamp($2 / 1000.0)
        WHERE id_hash = $1 AND created_at > to_timestamp($3 / 1000.0) AND last_used_at > to_timestamp($4 / 1000.0)
        RETURNING id_hash, actor, id_token_sealed, key_version, created_at, last_used_at`,
      [idHash, now, createdAfter, usedAfter],
    );
    if (rows.length === 0) {
      await this.delete(idHash);
      return undefined;
    }
    const row = rows[0];
    return {
      idHash: row.id_hash,
      actor: row.actor,
      idTokenSealed: row.id_token_sealed,
      keyVersion: row.key_version,
      createdAt: row.created_at.getTime(),
      lastUsedAt: row.last_used_at.getTime(),
    };
  }

  async delete(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM console_sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteExpired(createdAfter: number, usedAfter: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM console_sessions WHERE created_at <= to_timestamp($1 / 1000.0) OR last_used_at <= to_timestamp($2 / 1000.0)',
      [createdAfter, usedAfter],
    );
    return rowCount ?? 0;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALING_INFO = 'samvirke console session tokens v1';

/** Reads one cookie from the Cookie header (no cookie parser needed for two names, on any route). */
export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The attributes the console's cookies are set and cleared with. */
export interface CookieAttributes {
  httpOnly: boolean;
  sameSite: 'lax';
  secure: boolean;
  path: string;
}

/** Sets a cookie for `maxAgeMs` milliseconds: `Max-Age` (seconds) and `Expires`, both, as browsers old and new read one or the other. */
export function setCookie(reply: FastifyReply, name: string, value: string, attributes: CookieAttributes, maxAgeMs: number): void {
  reply.setCookie(name, value, { ...attributes, maxAge: Math.floor(maxAgeMs / 1000), expires: new Date(Date.now() + maxAgeMs) });
}

/** Clears a cookie: empty, expired at the epoch, with the attributes it was set with. */
export function clearCookie(reply: FastifyReply, name: string, attributes: CookieAttributes): void {
  reply.setCookie(name, '', { ...attributes, expires: new Date(1) });
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What is stored for a session id: its SHA-256 (the id is 256 random bits, so no salt or slow hash is needed). */
export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** The session's CSRF token, derived from its id: never stored, and unguessable without the cookie. */
function csrfTokenOf(id: string): string {
  return createHmac('sha256', id).update('samvirke console csrf token').digest('base64url');
}

/**
 * The console's sessions, held by the API (a backend-for-frontend): the browser holds only a random
 * session id in an HttpOnly, SameSite=Lax cookie (Secure with the `__Host-` prefix over https); the
 * identity provider's tokens stay here. Stored in PostgreSQL (console_sessions), so a restart or a
 * second API instance keeps everyone signed in: the row is keyed by the SHA-256 of the session id, and
 * the ID token is sealed with AES-256-GCM under a key derived (HKDF) from the active master key
 * (MASTER_KEYS, or the development secrets in DATA_DIR), bound to the row's id hash. A session past its
 * idle or absolute expiry (SESSION_IDLE_MINUTES, SESSION_HOURS) is deleted when it is next presented,
 * and every sign-in deletes all expired ones.
 *
 * CSRF: every write made with the cookie must carry the session's own token in `X-CSRF-Token`
 * (the synchronizer-token pattern; the page gets it from GET /auth/session), and a browser's
 * `Origin`, when sent, must be the console's own. SameSite=Lax already keeps the cookie off other
 * sites' cross-site POSTs; the token also covers same-site subdomains and old browsers.
 */
@Injectable()
export class ConsoleSessions implements SessionAuthenticator {
  private config: ConsoleConfig | undefined;
  private store: ConsoleSessionStore | undefined;
  private keyring: MasterKeyring | undefined;

  /** Until configured (apps built without the console, as in the e2e tests), no cookie is honoured. */
  configure(config: ConsoleConfig, store: ConsoleSessionStore, keyring: MasterKeyring): void {
    this.config = config;
    this.store = store;
    this.keyring = keyring;
  }

  get cookieName(): string {
    return this.config?.secureCookies ? '__Host-samvirke-session' : 'samvirke-session';
  }

  async create(user: AuthenticatedUser, idToken: string | undefined, reply: FastifyReply): Promise<ConsoleSession> {
    const { config, store } = this.required();
    const now = Date.now();
    await store.deleteExpired(...this.cutoffs(config, now));
    const id = randomBytes(32).toString('base64url');
    const idHash = sessionIdHash(id);
    const sealed = idToken === undefined ? undefined : this.seal(idToken, idHash);
    await store.insert({
      idHash,
      actor: user,
      idTokenSealed: sealed?.sealed ?? null,
      keyVersion: sealed?.keyVersion ?? null,
      createdAt: now,
      lastUsedAt: now,
    });
    setCookie(reply, this.cookieName, id, this.cookieAttributes(), config.sessionHours * 3_600_000);
    return { user, csrfToken: csrfTokenOf(id), idToken, createdAt: now, lastUsedAt: now };
  }

  /** The live session of the request's cookie, touched; an expired one is deleted. */
  async find(request: FastifyRequest): Promise<ConsoleSession | undefined> {
    if (!this.config || !this.store) return undefined;
    const id = cookieOf(request, this.cookieName);
    if (!id || !SESSION_ID.test(id)) return undefined;
    const idHash = sessionIdHash(id);
    const now = Date.now();
    const stored = await this.store.use(idHash, now, ...this.cutoffs(this.config, now));
    if (!stored) return undefined;
    const idToken = stored.idTokenSealed && stored.keyVersion ? this.open(stored.idTokenSealed, stored.keyVersion, idHash) : undefined;
    return { user: stored.actor, csrfToken: csrfTokenOf(id), idToken, createdAt: stored.createdAt, lastUsedAt: stored.lastUsedAt };
  }

  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const id = cookieOf(request, this.cookieName);
    if (id && this.store) await this.store.delete(sessionIdHash(id));
    clearCookie(reply, this.cookieName, this.cookieAttributes());
  }

  /** Throws SessionRequestRefused for a write without the CSRF token or from another origin. */
  checkWrite(request: FastifyRequest, session: ConsoleSession): void {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(this.required().config.publicUrl).origin) throw new SessionRequestRefused('origin');
    const token = request.headers['x-csrf-token'];
    if (typeof token !== 'string' || !sameSecret(token, session.csrfToken)) throw new SessionRequestRefused('csrf-token');
  }

  async authenticate(request: FastifyRequest): Promise<AuthenticatedUser | null> {
    const session = await this.find(request);
    if (!session) return null;
    this.checkWrite(request, session);
    return session.user;
  }

  private cookieAttributes(): CookieAttributes {
    return { httpOnly: true, sameSite: 'lax', secure: this.config?.secureCookies ?? false, path: '/' };
  }

  /** [created after, last used after]: the absolute and the idle expiry as of `now`. */
  private cutoffs(config: ConsoleConfig, now: number): [number, number] {
    return [now - config.sessionHours * 3_600_000, now - config.sessionIdleMinutes * 60_000];
  }

  private sealingKey(version: string): Buffer | undefined {
    const master = this.keyring?.keyFor(version);
    return master ? Buffer.from(hkdfSync('sha256', master.reveal(), Buffer.alloc(0), SEALING_INFO, 32)) : undefined;
  }

  /** AES-256-GCM: iv | tag | ciphertext, the session's id hash as associated data (a sealed token moved to another row does not open). */
  private seal(text: string, idHash: string): { sealed: Buffer; keyVersion: string } {
    const keyVersion = this.required().keyring.active.version;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey(keyVersion)!, iv);
    cipher.setAAD(Buffer.from(idHash));
    const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return { sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]), keyVersion };
  }

  /** The sealed token, or undefined when its master key is gone or it does not open (the session still works; only the provider's sign-out hint is lost). */
  private open(sealed: Buffer, keyVersion: string, idHash: string): string | undefined {
    const key = this.sealingKey(keyVersion);
    if (!key || sealed.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(idHash));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  private required(): { config: ConsoleConfig; store: ConsoleSessionStore; keyring: MasterKeyring } {
    if (!this.config || !this.store || !this.keyring) throw new Error('console sessions are not configured');
    return { config: this.config, store: this.store, keyring: this.keyring };
  }
}
