import {
  Body,
  Controller,
  NotAcceptableException,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthenticatedUser } from '@samvirke/access';
import { CaseGate } from '@samvirke/commands';
import { CLOCK, hijackWithHeaders, type Clock } from '@samvirke/platform';
import { loadReferenceData } from '@samvirke/reference-data';
import type { Pool } from 'pg';
import { DATABASE_POOL } from '@samvirke/platform';
import { NotificationSignal } from '../delivery/notification-signal';
import { defaultMailDelivery, setMailDelivery, type MailDelivery } from '../delivery/unit-settings';
import { Inbox } from './inbox';
import {
  AcknowledgedFromNotificationDto,
  MailSettingDto,
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  NotificationStreamQueryDto,
  UnitSettingDto,
} from './notification.dto';

const NOT_FOUND = { reason: 'NOTIFICATION_NOT_FOUND', message: 'no notification with this id for you' };
/** How often a stream looks for new rows without a signal, and sends a keep-alive comment. */
const STREAM_POLL_MS = 2_000;
const KEEP_ALIVE_MS = 15_000;

/** The caller's inbox: their own notifications and their units', read marks, acknowledging from one, the live stream. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  private readonly referenceData = loadReferenceData();

  constructor(
    private readonly inbox: Inbox,
    private readonly gate: CaseGate,
    private readonly signal: NotificationSignal,
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('notifications/stream')
  @ApiOperation({
    summary: 'Server-Sent Events: your new notifications as they are stored (event `notification`, `id:` = sequence; send Last-Event-ID to resume).',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream (never ends while the client listens): `event: notification`, `id: <sequence>`, `data: <the notification as JSON>`.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id.' })
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: NotificationStreamQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The route speaks only text/event-stream (EventSource always asks for it): anything else gets a
    // prompt 406 instead of a response that never ends.
    if (!/\btext\/event-stream\b/i.test(accept ?? '')) {
      throw new NotAcceptableException({ reason: 'NOT_ACCEPTABLE', message: 'this route answers text/event-stream only: send Accept: text/event-stream' });
    }
    const resumeFrom = lastEventId !== undefined && /^\d{1,18}$/.test(lastEventId.trim()) ? lastEventId.trim() : query.lastEventId;
    let cursor = resumeFrom ?? (await this.inbox.latestSequence());
    // The stream is written to the socket directly, with the headers every answer carries (no-store,
    // the request id) and its own, which replace those of the same name.
    const response = hijackWithHeaders(reply);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n\n');

    let closed = false;
    let busy = false;
    let pending = false;
    const push = async () => {
      if (closed) return;
      if (busy) {
        pending = true;
        return;
      }
      busy = true;
      try {
        do {
          pending = false;
          for (;;) {
            const page = await this.inbox.list(user, { afterSequence: cursor, limit: 100, offset: 0 });
            for (const item of page.items) {
              if (closed) return;
              response.write(`id: ${item.sequence}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`);
              cursor = item.sequence;
            }
            if (page.items.length < 100) break;
          }
        } while (pending && !closed);
      } catch {
        // The next signal or poll tries again; a stream never ends on a transient database error.
      } finally {
        busy = false;
      }
    };
    const unsubscribe = this.signal.onSignal(() => void push());
    const poll = setInterval(() => void push(), STREAM_POLL_MS);
    const keepAlive = setInterval(() => !closed && response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const offShutdown = this.signal.onShutdown(() => response.end());
    const close = () => {
      closed = true;
      unsubscribe();
      offShutdown();
      clearInterval(poll);
      clearInterval(keepAlive);
    };
    response.once('close', close);
    void push();
  }

  @Get('notifications')
  @ApiOperation({ summary: "Your notifications and your units' (newest first): filter by unread/read, kind, case; paged." })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const found = await this.inbox.list(user, { state: query.state, kind: query.kind, caseId: query.caseId, limit: query.limit, offset: query.offset });
    return { items: found.items, page: { limit: query.limit, offset: query.offset, total: found.total }, unread: found.unread };
  }

  @Get('notifications/:id')
  @ApiOperation({ summary: 'One of your notifications (the link in a notification mail).' })
  @ApiOkResponse({ type: NotificationDto })
  async one(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    const found = await this.inbox.get(user, id);
    if (!found) throw new NotFoundException(NOT_FOUND);
    return found;
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (for you; colleagues in your unit keep their own marks).' })
  @ApiOkResponse({ type: NotificationDto })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    const found = await this.inbox.markRead(user, id, this.clock.now());
    if (!found) throw new NotFoundException(NOT_FOUND);
    return found;
  }

  @Post('notifications/:id/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Acknowledge the shared information a notification is about: the case command AcknowledgeInformation, through the one gate, as you; marks it read.',
  })
  @ApiOkResponse({ type: AcknowledgedFromNotificationDto })
  async acknowledge(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<AcknowledgedFromNotificationDto> {
    const found = await this.inbox.get(user, id);
    if (!found) throw new NotFoundException(NOT_FOUND);
    if (found.kind !== 'information-shared' || found.entryId === null) {
      throw new UnprocessableEntityException({
        reason: 'NOT_ACKNOWLEDGEABLE',
        message: 'only a notification of shared information (not a sealed identity) can be acknowledged',
      });
    }
    const outcome = await this.gate.execute({
      caseId: found.caseId,
      caller: { kind: 'user', user },
      intent: { type: 'AcknowledgeInformation', entryId: found.entryId },
      command: { type: 'AcknowledgeInformation', data: { entryId: found.entryId, agency: user.agency } },
      // The same user acknowledging from the same notification again is a retry, not a second acknowledgement.
      idempotencyKey: `notification-acknowledge:${found.id}:${user.userId}`,
    });
    const notification = (await this.inbox.markRead(user, id, this.clock.now())) ?? found;
    return { notification, revision: outcome.revision ?? 0, position: outcome.position ?? '', replayed: outcome.replayed };
  }

  @Get('notification-settings')
  @ApiOperation({ summary: "Your agency's entry points and how each gets notification mail (immediately or as a daily digest)." })
  @ApiOkResponse({ type: [UnitSettingDto] })
  async settings(@CurrentUser() user: AuthenticatedUser): Promise<UnitSettingDto[]> {
    const agency = this.referenceData.agencies.get(user.agency);
    if (!agency) return [];
    const { rows } = await this.pool.query<{ entry_point: string; mail_delivery: MailDelivery }>(
      'SELECT entry_point, mail_delivery FROM public.notification_unit_setting WHERE agency = $1',
      [user.agency],
    );
    const chosen = new Map(rows.map((row) => [row.entry_point, row.mail_delivery]));
    return agency.entryPoints.map((point) => ({
      agency: agency.code,
      entryPoint: point.code,
      mailDelivery: chosen.get(point.code) ?? defaultMailDelivery(this.referenceData, agency.code, point.code),
      isDefault: !chosen.has(point.code),
    }));
  }

  @Put('notification-settings/:entryPoint')
  @Roles('coordinator', 'liaison')
  @ApiOperation({ summary: "Choose how one of your agency's entry points gets notification mail (coordinators and liaisons of the agency)." })
  @ApiOkResponse({ type: UnitSettingDto })
  async setSetting(@CurrentUser() user: AuthenticatedUser, @Param('entryPoint') entryPoint: string, @Body() body: MailSettingDto): Promise<UnitSettingDto> {
    const known = this.referenceData.agencies.get(user.agency)?.entryPoints.some((point) => point.code === entryPoint);
    if (!known) throw new NotFoundException({ reason: 'ENTRY_POINT_NOT_FOUND', message: 'your agency has no entry point with this code' });
    await setMailDelivery(this.pool, user.agency, entryPoint, body.mailDelivery, user.userId, this.clock.now());
    return { agency: user.agency, entryPoint, mailDelivery: body.mailDelivery, isDefault: false };
  }
}
