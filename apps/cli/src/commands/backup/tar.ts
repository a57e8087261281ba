import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { createHash } from 'node:crypto';

/**
 * The few lines of the POSIX tar (ustar) format a backup needs: regular files with short names, so
 * `tar -xzf backup.tar.gz` opens one with the system's tar. Written here rather than with a package
 * because the backup needs a streaming reader that hashes each entry as it goes, and nothing else.
 */
const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const block = Buffer.alloc(BLOCK, 0);
  const field = (offset: number, length: number, value: string) => block.write(value, offset, length, 'utf8');
  const octal = (offset: number, length: number, value: number) => field(offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
  field(0, 100, name);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, Math.floor(mtime.getTime() / 1000));
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

/** Writes `files` (name in the archive, path on disk, size) into one gzipped tar at `target`. */
export async function writeTarGz(target: string, files: Array<{ name: string; path: string; size: number }>, mtime: Date): Promise<void> {
  const gzip = createGzip();
  const out = createWriteStream(target, { flags: 'wx' });
  const done = pipeline(gzip, out);
  const write = async (chunk: Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  for (const file of files) {
    await write(header(file.name, file.size, mtime));
    for await (const chunk of createReadStream(file.path)) await write(chunk as Buffer);
    const padding = (BLOCK - (file.size % BLOCK)) % BLOCK;
    if (padding > 0) await write(Buffer.alloc(padding, 0));
  }
  await write(Buffer.alloc(BLOCK * 2, 0));
  gzip.end();
  await done;
}

export interface ExtractedEntry {
  name: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * Unpacks a gzipped tar into `directory` (one flat folder; names with a slash or starting with a dot
 * are refused), hashing each entry on the way. A truncated or corrupt archive fails here.
 */
export async function extractTarGz(source: Readable, directory: string): Promise<Map<string, ExtractedEntry>> {
  const entries = new Map<string, ExtractedEntry>();
  let pending: Buffer = Buffer.alloc(0);
  let current:
    { entry: ExtractedEntry; remaining: number; padding: number; out: ReturnType<typeof createWriteStream>; hash: ReturnType<typeof createHash> } | undefined;
  let skip = 0;
  let ended = false;

  const finishEntry = async () => {
    if (!current) return;
    const { out, hash, entry } = current;
    out.end();
    await once(out, 'close');
    entry.sha256 = hash.digest('hex');
    entries.set(entry.name, entry);
    skip = current.padding;
    current = undefined;
  };

  const consume = async (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, pending.length);
        pending = pending.subarray(n);
        skip -= n;
        if (skip > 0) return;
      }
      if (current) {
        const n = Math.min(current.remaining, pending.length);
        if (n > 0) {
          const part = pending.subarray(0, n);
          current.hash.update(part);
          if (!current.out.write(part)) await once(current.out, 'drain');
          current.remaining -= n;
          pending = pending.subarray(n);
        }
        if (current.remaining > 0) return;
        await finishEntry();
        continue;
      }
      if (ended || pending.length < BLOCK) return;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((byte) => byte === 0)) {
        ended = true;
        return;
      }
      let sum = 0;
      for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : block[i];
      if (parseInt(block.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8) !== sum)
        throw new Error('not a backup archive (a tar header checksum does not match)');
      const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(block.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      const type = block.toString('ascii', 156, 157);
      if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.') || (type !== '0' && type !== '\0') || !Number.isSafeInteger(size)) {
        throw new Error(`unexpected entry in the backup archive: ${JSON.stringify(name.slice(0, 60))}`);
      }
      if (entries.has(name)) throw new Error(`the backup archive holds ${name} twice`);
      const path = join(directory, name);
      current = {
        entry: { name, path, size, sha256: '' },
        remaining: size,
        padding: (BLOCK - (size % BLOCK)) % BLOCK,
        out: createWriteStream(path, { flags: 'wx' }),
        hash: createHash('sha256'),
      };
      if (size === 0) await finishEntry();
    }
  };

  await pipeline(
    source,
    createGunzip(),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        consume(chunk).then(() => callback(), callback);
      },
    }),
  );
  if (current || !ended) throw new Error('the backup archive is truncated');
  return entries;
}
