import type { ApiPropertyOptions } from '@nestjs/swagger';

/** Personal text whose key was destroyed: when it was erased instead of the text. */
export class ErasedDetailDto {
  erasedAt!: string;
}

/** A ReadableDetail (string | { erasedAt } | null) in the OpenAPI document. */
export const READABLE_DETAIL_SCHEMA: ApiPropertyOptions = {
  description: 'The personal text opened for the reader, `{ erasedAt }` once erased, or null when unreadable.',
  oneOf: [{ type: 'string', nullable: true }, { $ref: '#/components/schemas/ErasedDetailDto' }],
};
