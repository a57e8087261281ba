import type { Pool } from 'pg';
import type { ReferenceData } from '@samvirke/reference-data';

export const MAIL_DELIVERY_MODES = ['immediate', 'daily-digest'] as const;
export type MailDelivery = (typeof MAIL_DELIVERY_MODES)[number];

/**
 * An entry point's mail choice when it has not made one: the reference data's `mailDelivery` of
 * the standing entry point when it states one, else immediate.
 */
export function defaultMailDelivery(referenceData: ReferenceData, agency: string, entryPoint: string): MailDelivery {
  const standing = referenceData.agencies.get(agency)?.entryPoints.find((point) => point.code === entryPoint);
  return standing?.mailDelivery ?? 'immediate';
}

export async function mailDeliveryOf(pool: Pool, referenceData: ReferenceData, agency: string, entryPoint: string): Promise<MailDelivery> {
  const { rows } = await pool.query<{ mail_delivery: MailDelivery }>(
    'SELECT mail_delivery FROM public.notification_unit_setting WHERE agency = $1 AND entry_point = $2',
    [agency, entryPoint],
  );
  return rows[0]?.mail_delivery ?? defaultMailDelivery(referenceData, agency, entryPoint);
}

export async function setMailDelivery(pool: Pool, agency: string, entryPoint: string, mode: MailDelivery, by: string, at: Date): Promise<void> {
  await pool.query(
    `INSERT INTO public.notification_unit_setting (agency, entry_point, mail_delivery, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency, entry_point) DO UPDATE SET mail_delivery = excluded.mail_delivery, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [agency, entryPoint, mode, at, by],
  );
}
