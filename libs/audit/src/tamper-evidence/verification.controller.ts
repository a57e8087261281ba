import { Controller, Get, Inject, NotFoundException, NotImplementedException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseVerificationResultDto, VerificationResultDto } from './verification.dto';
import type { Pool } from 'pg';
import { DATABASE_POOL } from '@samvirke/platform/nest/tokens';
import { caseStreamId } from '@samvirke/case/application/case-identity';
import { Roles } from '@samvirke/access';
import { VerificationUnavailableError, verifyAll, verifyStream, type VerificationResult } from './hash-chain-verification';

/** "Check that nothing was altered": the hash chain recomputed from the stored rows. */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit')
export class VerificationController {
  constructor(@Inject(DATABASE_POOL) private readonly pool: Pool) {}

  @Get('cases/:caseId/verification')
  @ApiOperation({ summary: "Recompute one case stream's hash chain; names the first altered, missing or misplaced event." })
  async verifyCase(@Param('caseId', ParseUUIDPipe) caseId: string): Promise<CaseVerificationResultDto> {
    const result = await this.run(() => verifyStream(this.pool, caseStreamId(caseId.toLowerCase())));
    if (result.ok && result.eventsChecked === 0) throw new NotFoundException({ error: 'Not Found', message: 'no case with this id' });
    return { caseId, ...result };
  }

  @Get('verification')
  @ApiOperation({ summary: "Recompute every stream's hash chain (reads the whole store; may take long)." })
  verifyStore(): Promise<VerificationResultDto> {
    return this.run(() => verifyAll(this.pool, { batchSize: 500 }));
  }

  private async run(verification: () => Promise<VerificationResult>): Promise<VerificationResult> {
    try {
      return await verification();
    } catch (error) {
      if (error instanceof VerificationUnavailableError) {
        throw new NotImplementedException({ error: 'Not Implemented', message: error.message });
      }
      throw error;
    }
  }
}
