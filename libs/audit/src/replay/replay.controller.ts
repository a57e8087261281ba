import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@samvirke/access';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { parseAsOf } from './as-of-instant';
import { CaseStateAsOfDto, EntryKnowledgeDto, ReplayedEventsDto } from './replay.dto';
import { CaseReplay, type CaseStateAsOf, type EntryKnowledge, type ReplayedEvent } from './case-replay';

const NO_CASE = { error: 'Not Found', message: 'no case with this id' };

/** Replay for auditors: history, state as of an instant, who knew what when. */
@ApiTags('audit')
@Roles('auditor')
@Controller('audit/cases/:caseId')
export class ReplayController {
  constructor(private readonly replay: CaseReplay) {}

  @Get('events')
  @ApiOperation({ summary: 'The case\'s full event history with metadata; sealed fields opened, or "erased on DATE".' })
  @ApiOkResponse({ description: 'The case id and its events (`caseId`, `events`).', type: ReplayedEventsDto })
  async events(@Param('caseId', ParseUUIDPipe) caseId: string): Promise<{ caseId: string; events: ReplayedEvent[] }> {
    const events = await this.replay.history(caseId.toLowerCase());
    if (!events) throw new NotFoundException(NO_CASE);
    return { caseId, events };
  }

  @Get('state')
  @AuditAs('read')
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO 8601 instant; the events recorded at or before it are folded. Default: after every event.' })
  @ApiOperation({ summary: 'The case state reconstructed from the events recorded up to an instant.' })
  @ApiOkResponse({ description: 'The reconstructed state as of the instant.', type: CaseStateAsOfDto })
  async state(@Param('caseId', ParseUUIDPipe) caseId: string, @Query('asOf') asOf?: string): Promise<CaseStateAsOf> {
    const instant = parseAsOf(typeof asOf === 'string' ? asOf : undefined);
    const state = await this.replay.stateAsOf(caseId.toLowerCase(), instant);
    if (!state) throw new NotFoundException(NO_CASE);
    return state;
  }

  @Get('entries/:entryId/knowledge')
  @ApiOperation({ summary: 'Who knew what when about one shared entry: agencies that could see it, acknowledgements, and readers from the audit log.' })
  @ApiOkResponse({ description: "The entry's knowledge report.", type: EntryKnowledgeDto })
  async knowledge(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('entryId', ParseUUIDPipe) entryId: string): Promise<EntryKnowledge> {
    const knowledge = await this.replay.knowledge(caseId.toLowerCase(), entryId.toLowerCase());
    if (!knowledge) throw new NotFoundException({ error: 'Not Found', message: 'no entry with this id on this case' });
    return knowledge;
  }
}
