import { IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const ERASURE_REASONS = ['retention-expired', 'erasure-request', 'unlawful-processing', 'other'] as const;

export class EraseCitizenDataDto {
  /** 'citizen' for everything about the citizen, or an agency code for that agency's contributions only. */
  @IsString() @Matches(/^[\p{L}\p{N}_-]{1,64}$/u, { message: "scope must be 'citizen' or an agency code" }) scope!: string;
  /** Why; a code, so the erasure record itself holds no personal data. */
  @IsIn(ERASURE_REASONS) reason!: (typeof ERASURE_REASONS)[number];
}

export class PlaceLegalHoldDto {
  /** Chosen by the caller, so a retried request places the same hold. */
  @IsUUID() holdId!: string;
  /** Why the data must be kept (a court case, a complaint). Stored encrypted with the citizen's key. */
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
