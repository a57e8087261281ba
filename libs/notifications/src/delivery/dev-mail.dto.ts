/** One mail kept in the development catch-all (GET /dev/mail), for the OpenAPI document. */
export class DevMailDto {
  id!: string;
  recordedAt!: string;
  to!: string;
  subject!: string;
  body!: string;
  /** The notifications the mail told of. */
  notificationIds!: string[];
}
