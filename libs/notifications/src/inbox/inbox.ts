import type { Pool } from 'pg';
import { caseVisibilitySql, type AuthenticatedUser } from '@samvirke/access';
import { READ_MODEL_SCHEMA } from '@samvirke/projections';
import type { NotificationDto } from './notification.dto';
import type { NotificationKind } from '../projection/notification-rules';

interface NotificationRow {
  id: string;
  seq: string;
  kind: NotificationKind;
  case_id: string;
  recipient_kind: 'unit' | 'user';
  recipient_agency: string;
  recipient_entry_point: string | null;
  recipient_user: string | null;
  from_agency: string | null;
  entry_id: string | null;
  request_id: string | null;
  due_date: string | null;
  occurred_at: Date;
  read_at: Date | null;
}

export interface InboxFilter {
  state?: 'unread' | 'read';
  kind?: NotificationKind;
  caseId?: string;
  afterSequence?: string;
  limit: number;
  offset: number;
}

const COLUMNS = `n.id, n.seq::text AS seq, n.kind, n.case_id, n.recipient_kind, n.recipient_agency, n.recipient_entry_point, n.recipient_user,
  n.from_agency, n.entry_id, n.request_id, to_char(n.due_date, 'YYYY-MM-DD') AS due_date, n.occurred_at, r.read_at`;

/**
 * The caller's notifications: their own and their agency's units', on cases the access policy
 * lets them read now (the projection's case table, read through read_models). Anything else, a
 * colleague's or another agency's notification included, does not exist for the caller.
 */
export class Inbox {
  constructor(private readonly pool: Pool) {}

  private scope(user: AuthenticatedUser, params: unknown[]): string {
    const p = (value: unknown) => `$${params.push(value)}`;
    const recipient = `((n.recipient_kind = 'user' AND n.recipient_user = ${p(user.userId)}) OR (n.recipient_kind = 'unit' AND n.recipient_agency = ${p(user.agency)}))`;
    const visible = caseVisibilitySql(user, { agencies: 'c.agencies', coordinatorId: 'c.coordinator_id' }, params);
    return `${recipient} AND ${visible}`;
  }

  private from(params: unknown[], user: AuthenticatedUser): string {
    return `FROM public.notification n
      JOIN ${READ_MODEL_SCHEMA}.notification_case c ON c.case_id = n.case_id
      LEFT JOIN public.notification_read r ON r.notification_id = n.id AND r.user_id = $${params.push(user.userId)}`;
  }

  async list(user: AuthenticatedUser, filter: InboxFilter): Promise<{ items: NotificationDto[]; total: number; unread: number }> {
    const params: unknown[] = [];
    const from = this.from(params, user);
    const where = [this.scope(user, params)];
    const base = [...where];
    if (filter.kind) where.push(`n.kind = $${params.push(filter.kind)}`);
    if (filter.caseId) where.push(`n.case_id = $${params.push(filter.caseId.toLowerCase())}`);
    if (filter.state) where.push(filter.state === 'unread' ? 'r.read_at IS NULL' : 'r.read_at IS NOT NULL');
    if (filter.afterSequence) where.push(`n.seq > $${params.push(filter.afterSequence)}::bigint`);
    const limit = `$${params.push(filter.limit)}`;
    const offset = `$${params.push(filter.offset)}`;
    const order = filter.afterSequence ? 'n.seq' : 'n.seq DESC';
    const result = await this.pool.query<NotificationRow & { total: string; unread: string }>(
      `WITH matching AS (SELECT ${COLUMNS} ${from} WHERE ${where.join(' AND ')}),
            mine AS (SELECT count(*) FILTER (WHERE r.read_at IS NULL) AS unread ${from} WHERE ${base.join(' AND ')})
       SELECT page.*, (SELECT count(*) FROM matching) AS total, (SELECT unread FROM mine) AS unread
       FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM matching n ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page ON TRUE`,
      params,
    );
    const rows = result.rows.filter((row) => row.id !== null);
    return { items: rows.map(toDto), total: Number(result.rows[0]?.total ?? 0), unread: Number(result.rows[0]?.unread ?? 0) };
  }

  /** The newest sequence number the caller could be streamed (where a fresh stream starts). */
  async latestSequence(): Promise<string> {
    const { rows } = await this.pool.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM public.notification');
    return rows[0]?.seq ?? '0';
  }

  async get(user: AuthenticatedUser, id: string): Promise<NotificationDto | undefined> {
    const params: unknown[] = [];
    const from = this.from(params, user);
    const scope = this.scope(user, params);
    const { rows } = await this.pool.query<NotificationRow>(`SELECT ${COLUMNS} ${from} WHERE n.id = $${params.push(id.toLowerCase())} AND ${scope}`, params);
    return rows[0] ? toDto(rows[0]) : undefined;
  }

  /** Marks it read for the caller (the first read time stays); undefined when it is not theirs. */
  async markRead(user: AuthenticatedUser, id: string, at: Date): Promise<NotificationDto | undefined> {
    const found = await this.get(user, id);
    if (!found) return undefined;
    await this.pool.query('INSERT INTO public.notification_read (notification_id, user_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      found.id,
      user.userId,
      at,
    ]);
    return this.get(user, id);
  }
}

function toDto(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    sequence: row.seq,
    kind: row.kind,
    caseId: row.case_id,
    recipient: { kind: row.recipient_kind, agency: row.recipient_agency, entryPoint: row.recipient_entry_point, userId: row.recipient_user },
    fromAgency: row.from_agency,
    entryId: row.entry_id,
    requestId: row.request_id,
    dueDate: row.due_date,
    occurredAt: row.occurred_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
