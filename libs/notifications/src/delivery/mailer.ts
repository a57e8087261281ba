import type { Pool } from 'pg';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  notificationIds: string[];
}

/** Sends mail over SMTP, or, with no SMTP server configured, keeps it in the catch-all table. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport(url, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs * 2 });
  }
  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
  close(): void {
    this.transport.close();
  }
}

/** `npm start` on a laptop: nothing is dropped silently; GET /dev/mail shows what would have gone. */
export class CatchAllMailer implements Mailer {
  constructor(private readonly pool: Pool) {}
  async send(mail: OutgoingMail): Promise<void> {
    await this.pool.query('INSERT INTO public.notification_mail_catchall (to_address, subject, body, notification_ids) VALUES ($1, $2, $3, $4::uuid[])', [
      mail.to,
      mail.subject,
      mail.text,
      mail.notificationIds,
    ]);
  }
  close(): void {}
}

export const MAIL_SUBJECT = 'Ny information til jeres enhed i Samvirke';

/**
 * The mail: no name, CPR, case content or case id; how many notifications and links to them, which
 * open only for someone who may see them.
 */
export function mailFor(publicUrl: string, unit: string, notificationIds: string[], digest: boolean): { subject: string; text: string } {
  const count = notificationIds.length;
  const lines = [
    digest
      ? `Dagligt overblik: ${count} ${count === 1 ? 'ny notifikation' : 'nye notifikationer'} til ${unit} i Samvirke.`
      : `Der er ny information til ${unit} i Samvirke.`,
    '',
    ...notificationIds.map((id) => `${publicUrl}/notifications/${id}`),
    '',
    'Log ind i Samvirke for at se, hvad det drejer sig om. Af hensyn til persondata står der intet om sagen i denne mail.',
  ];
  return { subject: digest ? `${MAIL_SUBJECT} (dagligt overblik)` : MAIL_SUBJECT, text: lines.join('\n') };
}
