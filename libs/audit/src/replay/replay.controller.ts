import { Readable } from 'node:stream';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@samvirke/access';
import { AuditAs } from '@samvirke/access/read-audit/audit-vocabulary';
import { parseAsOfQuery } from './as-of-instant';
import { CaseStateAsOfDto, EntryKnowledgeDto, ReplayedEventsDto } from './replay.dto';
import { CaseReplay, type EntryKnowledge, type ReplayedEvent } from './case-replay';

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
  async events(@CurrentUser() user: AuthenticatedUser, @Param('caseId', ParseUUIDPipe) caseId: string): Promise<{ caseId: string; events: ReplayedEvent[] }> {
    await this.replay.requireOpenedSeal(caseId.toLowerCase(), user);
    const events = await this.replay.history(caseId.toLowerCase(), user);
    if (!events) throw new NotFoundException(NO_CASE);
    return { caseId, events };
  }

  @Get('state')
  @AuditAs('read')
  @ApiQuery({
    name: 'asOf',
    required: false,
    description:
      'Two time axes. An ISO 8601 instant (2026-03-01T10:00:00Z): recorded time, what the system knew then (the events recorded at or before it). A date (2026-03-01): what was in force on that Copenhagen day as known now, by the dates the facts carry (assessment, programme, custody, charge ... dates; events without one count from the day they were recorded; the opening counts from the start). Default: after every event.',
  })
  @ApiQuery({
    name: 'knownAt',
    required: false,
    description: 'With a date asOf: as known at this ISO 8601 instant instead of now (what was known at T about day D).',
  })
  @ApiOperation({ summary: 'The case state as recorded at an instant, or in force on a date (as known now or at knownAt), with its SSP level then.' })
  @ApiOkResponse({ description: 'The reconstructed state as recorded at the instant, or in force on the date.', type: CaseStateAsOfDto })
  async state(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query('asOf') asOf?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<StreamableFile> {
    await this.replay.requireOpenedSeal(caseId.toLowerCase(), user);
    const query = parseAsOfQuery(typeof asOf === 'string' ? asOf : undefined, typeof knownAt === 'string' ? knownAt : undefined);
    const pieces = await this.replay.stateAtJson(caseId.toLowerCase(), query);
    if (pieces === undefined) throw new NotFoundException(NO_CASE);
    // Already JSON, in pieces (a snapshot's stored view goes out as the bytes PostgreSQL sent): written
    // one after another, never joined, with the type res.json would have set.
    // Returned, not written: the read audit's interceptor records the row before anything leaves.
    return new StreamableFile(Readable.from(pieces, { objectMode: false }), {
      type: 'application/json; charset=utf-8',
      length: pieces.reduce((total, piece) => total + piece.length, 0),
    });
  }

  @Get('entries/:entryId/knowledge')
  @ApiOperation({ summary: 'Who knew what when about one shared entry: agencies that could see it, acknowledgements, and readers from the audit log.' })
  @ApiOkResponse({ description: "The entry's knowledge report.", type: EntryKnowledgeDto })
  async knowledge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
  ): Promise<EntryKnowledge> {
    await this.replay.requireOpenedSeal(caseId.toLowerCase(), user);
    const knowledge = await this.replay.knowledge(caseId.toLowerCase(), entryId.toLowerCase());
    if (!knowledge) throw new NotFoundException({ error: 'Not Found', message: 'no entry with this id on this case' });
    return knowledge;
  }
}
