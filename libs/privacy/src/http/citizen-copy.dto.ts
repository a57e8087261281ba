import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_PURPOSES } from '@samvirke/access/read-audit/audit-vocabulary';

/** The JSON citizen's copy (GET /cases/:caseId/citizen-copy), for the OpenAPI document: the shape of citizen-copy.ts. */

/** A personal value as the copy shows it: available with its value, erased or withheld with a note, or unreadable. */
const COPIED_VALUE: ApiPropertyOptions = {
  oneOf: [
    { type: 'object', properties: { status: { type: 'string', enum: ['available'] }, value: { type: 'string' } }, required: ['status', 'value'] },
    { type: 'object', properties: { status: { type: 'string', enum: ['erased', 'withheld'] }, note: { type: 'string' } }, required: ['status', 'note'] },
    { type: 'object', properties: { status: { type: 'string', enum: ['unreadable'] } }, required: ['status'] },
  ],
};

type CopiedValue = { status: 'available'; value: string } | { status: 'erased' | 'withheld'; note: string } | { status: 'unreadable' };

export class CitizenCopyCitizenDto {
  @ApiProperty(COPIED_VALUE)
  name!: CopiedValue;
  @ApiProperty(COPIED_VALUE)
  cpr!: CopiedValue;
  birthDate!: string | null;
  districtCode!: string | null;
}

export class CitizenCopyErasureDto {
  scope!: string;
  reason!: string;
  erasedAt!: string;
}

export class CitizenCopyCaseDto {
  status!: string;
  openedAt!: string | null;
  closedAt!: string | null;
  referredBy!: string | null;
  /** The SSP+ coordinator's staff id: the person the citizen deals with. */
  coordinatorId!: string | null;
  agencies!: string[];
  activeLegalHolds!: number;
  erasures!: CitizenCopyErasureDto[];
}

export class CitizenCopyEventDto {
  recordedAt!: string;
  type!: string;
  /** The agency that recorded it; null for system actions. */
  agency!: string | null;
  /** The event's data as the citizen may see it (law-enforcement content withheld, erased values noted); its fields depend on `type`. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
}

const ACCESS_REPORT: ApiPropertyOptions = {
  oneOf: [
    {
      type: 'object',
      properties: {
        available: { type: 'boolean', enum: [true] },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              agency: { type: 'string' },
              at: { type: 'string' },
              action: { type: 'string', enum: [...AUDIT_ACTIONS] },
              purpose: { type: 'string', enum: [...AUDIT_PURPOSES] },
            },
            required: ['agency', 'at', 'action', 'purpose'],
          },
        },
      },
      required: ['available', 'lines'],
    },
    { type: 'object', properties: { available: { type: 'boolean', enum: [false] }, note: { type: 'string' } }, required: ['available', 'note'] },
  ],
};

export class CitizenCopyDto {
  caseId!: string;
  generatedAt!: string;
  citizen!: CitizenCopyCitizenDto;
  case!: CitizenCopyCaseDto;
  events!: CitizenCopyEventDto[];
  /** Which agencies looked at the case, when and why (never who); or why it is not available. */
  @ApiProperty(ACCESS_REPORT)
  accessReport!: { available: true; lines: { agency: string; at: string; action: string; purpose: string }[] } | { available: false; note: string };
  /** What the copy leaves out and why. */
  notes!: string[];
}
