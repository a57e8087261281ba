/** What a write answers: send `revision` back in If-Match, `position` as `consistentWith`. */
export class CommandAcceptedDto {
  caseId!: string;
  /** The case stream's revision after the command: send it back in If-Match to guard the next one. */
  revision!: number | null;
  /** Global position of the write: pass it as `consistentWith` to read your own write. */
  position!: string | null;
  /** True when this request repeated an earlier one with the same Idempotency-Key. */
  replayed!: boolean;
}

/** What every referral answers (POST /cases, 202): received; nothing else is said, not even whether the citizen had a case. */
export class ReferralReceivedDto {
  received!: boolean;
}

export class ErasureAcceptedDto {
  caseId!: string;
  /** 'citizen' or the agency code whose contributions were erased. */
  scope!: string;
  /** When the CitizenDataErased event was recorded (the original one on a replay). */
  erasedAt!: string;
  /** Data keys destroyed by this call; 0 when an earlier call had already destroyed them. */
  keysDestroyed!: number;
  replayed!: boolean;
  revision!: number | null;
  position!: string | null;
}
