import type { MigrationInterface, QueryRunner } from 'typeorm';
import { irreversible } from '../legacy';

/**
 * The notifications' tables (libs/notifications), in `public`, outside the notification projection's
 * generations: a notification is stored once and keeps its read marks and deliveries across rebuilds
 * (a rebuild derives the same deterministic ids and inserts nothing new).
 */
export class Notifications1796543922292 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE public.notification (
  id                    uuid PRIMARY KEY,
  -- Commit order of the one projection that inserts: the SSE stream's event id (Last-Event-ID).
  seq                   bigserial UNIQUE,
  kind                  text NOT NULL,
  case_id               text NOT NULL,
  event_id              text NOT NULL,
  event_type            text NOT NULL,
  event_position        text NOT NULL,
  recipient_kind        text NOT NULL CHECK (recipient_kind IN ('unit', 'user')),
  recipient_agency      text NOT NULL,
  recipient_entry_point text,
  recipient_user        text,
  from_agency           text,
  entry_id              text,
  request_id            text,
  due_date              date,
  -- When the event was recorded (the store's clock).
  occurred_at           timestamptz NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((recipient_kind = 'unit') = (recipient_entry_point IS NOT NULL)),
  CHECK ((recipient_kind = 'user') = (recipient_user IS NOT NULL))
);
CREATE INDEX notification_by_user ON public.notification (recipient_user, seq) WHERE recipient_kind = 'user';
CREATE INDEX notification_by_unit ON public.notification (recipient_agency, seq) WHERE recipient_kind = 'unit';
CREATE INDEX notification_by_case ON public.notification (case_id);

-- Read marks are per user: a unit's notification read by one colleague stays unread for the others.
CREATE TABLE public.notification_read (
  notification_id uuid NOT NULL REFERENCES public.notification (id),
  user_id         text NOT NULL,
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);

-- One row per notification and delivery channel (and target): the transactional outbox.
CREATE TABLE public.notification_outbox (
  id              bigserial PRIMARY KEY,
  notification_id uuid NOT NULL REFERENCES public.notification (id),
  channel         text NOT NULL CHECK (channel IN ('inbox', 'mail', 'webhook')),
  -- mail: AGENCY/ENTRY-POINT; webhook: the subscription id; inbox: ''.
  target          text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- A claim is a lease, committed before sending, so no transaction stays open during delivery.
  claimed_until   timestamptz,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (notification_id, channel, target)
);
CREATE INDEX notification_outbox_due ON public.notification_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_outbox_dead ON public.notification_outbox (channel, created_at) WHERE status = 'dead';

-- Each entry point's mail choice; absent: the reference data's default.
CREATE TABLE public.notification_unit_setting (
  agency        text NOT NULL,
  entry_point   text NOT NULL,
  mail_delivery text NOT NULL CHECK (mail_delivery IN ('immediate', 'daily-digest')),
  updated_at    timestamptz NOT NULL,
  updated_by    text NOT NULL,
  PRIMARY KEY (agency, entry_point)
);

-- Mail with no SMTP server configured: kept here (GET /dev/mail) rather than dropped.
CREATE TABLE public.notification_mail_catchall (
  id               bigserial PRIMARY KEY,
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  to_address       text NOT NULL,
  subject          text NOT NULL,
  body             text NOT NULL,
  notification_ids uuid[] NOT NULL
);

CREATE TABLE public.webhook_subscription (
  id         uuid PRIMARY KEY,
  agency     text NOT NULL,
  url        text NOT NULL,
  -- Standard Webhooks secret (whsec_ + base64), shown once at creation.
  secret     text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  active     boolean NOT NULL DEFAULT true
);
CREATE INDEX webhook_subscription_by_agency ON public.webhook_subscription (agency) WHERE active;
`);
  }
  async down(): Promise<void> {
    irreversible(this.constructor.name);
  }
}
