import { PageQueryDto } from '../http/read-model-query';

/** GET /intake: paging (limit, offset) and read-your-writes (consistentWith), as GET /cases. */
export class IntakeQueryDto extends PageQueryDto {}

/** One case waiting in the intake queue, as a coordinator of the intake agency may see it before taking it. */
export class IntakeCaseDto {
  caseId!: string;
  /** The agency whose referral opened the case. */
  referredBy!: string;
  /** When the referral opened the case (the queue's order: oldest first). */
  referredAt!: string;
  /** The real-world day (YYYY-MM-DD) the case was opened where it was recorded later (imported history); null otherwise. */
  openedOn!: string | null;
  /** The citizen's age today in a band of three years ("18-20", "under-18"); null once erased. */
  ageBand!: string | null;
  /** Null where the identity is sealed (exit programme) from the reader, and once erased. */
  districtCode!: string | null;
  /** The latest SSP category assessment, if any. */
  sspLevel!: number | null;
  /** The agencies on the case now (the intake's own among them). */
  agencies!: string[];
}

export class IntakePageInfoDto {
  limit!: number;
  offset!: number;
  total!: number;
}

export class IntakePageDto {
  items!: IntakeCaseDto[];
  page!: IntakePageInfoDto;
}
