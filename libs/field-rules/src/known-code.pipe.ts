import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { loadReferenceData } from '@samvirke/reference-data';

const referenceData = loadReferenceData();

/**
 * A code in the URL (an agency, a programme) must be one from the reference data: 400 naming the
 * parameter, without repeating what was sent.
 */
export class KnownCodePipe implements PipeTransform<string, string> {
  constructor(private readonly kind: 'agency' | 'programme') {}

  transform(value: string): string {
    const known = this.kind === 'agency' ? referenceData.agencies : referenceData.programmes;
    if (typeof value === 'string' && known.has(value)) return value;
    throw new BadRequestException({
      error: 'Bad Request',
      message: 'the request has invalid fields',
      violations: [
        {
          field: this.kind === 'agency' ? 'agency' : 'programmeCode',
          rule: 'isKnownCode',
          message: `must be a known ${this.kind} code from the reference data (see GET /reference-data)`,
        },
      ],
    });
  }
}
