import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free port that keeps every mail it receives. */
export interface MailSink {
  url: string;
  mails: Array<{ to: string[]; raw: string }>;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const mails: MailSink['mails'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedHook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  answered: number | 'hung';
}

/**
 * A real HTTP receiver for webhooks. `script` says how to answer the n-th attempt (0-based) of each
 * webhook-id: a status, or 'hang' (never answer; the sender must time out). After the script: 200.
 */
export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  script: Array<number | 'hang'>;
  close(): Promise<void>;
}

export async function startHookReceiver(script: Array<number | 'hang'> = []): Promise<HookReceiver> {
  const received: ReceivedHook[] = [];
  const hanging: ServerResponse[] = [];
  const receiver = { script } as HookReceiver;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      const step = receiver.script[received.filter((hook) => hook.id === id).length] ?? 200;
      received.push({
        id: String(request.headers['webhook-id']),
        timestamp: String(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        answered: step === 'hang' ? 'hung' : step,
      });
      if (step === 'hang') {
        hanging.push(response);
        return;
      }
      response.statusCode = step;
      response.end(step >= 400 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.received = received;
  receiver.close = async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** The Standard Webhooks check a receiver makes: the signature over "id.timestamp.body" with the secret's key. */
export function signatureIsValid(secret: string, hook: ReceivedHook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${hook.id}.${hook.timestamp}.${hook.body}`).digest('base64');
  return hook.signature.split(' ').some((part) => part === `v1,${expected}`);
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An SSE client over fetch: collects `{ id, event, data }` messages as they come. */
export interface SseClient {
  messages: Array<{ id?: string; event?: string; data: string }>;
  status: number;
  contentType: string | null;
  /** The answer's headers. */
  headers: Headers;
  /** True once the server ended the stream. */
  ended: boolean;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const client: SseClient = {
    messages: [],
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    ended: false,
    close: () => controller.abort(),
  };
  if (!response.body) return client;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          client.ended = true;
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: { id?: string; event?: string; data: string } = { data: '' };
          let any = false;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) message.id = line.slice(4);
            else if (line.startsWith('event: ')) message.event = line.slice(7);
            else if (line.startsWith('data: ')) message.data += line.slice(6);
            else continue;
            any = true;
          }
          if (any && message.event) client.messages.push(message);
        }
      }
    } catch {
      // aborted
    }
  })();
  return client;
}
