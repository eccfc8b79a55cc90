/**
 * Batch outputs: a folder of PDFs, a ZIP (to a file or any stream, e.g. an HTTP response) and one merged
 * PDF, each with the manifest. Nothing is ever half-written where the output should be: a folder's files
 * wait in a hidden staging folder beside them, a ZIP or merged PDF is written under a temporary name in
 * the same folder, and only a complete batch is moved into place; an interrupted one is removed.
 */
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import yazl from 'yazl';
import { PacketError } from '../errors.js';
import { manifestChunks, type Manifest } from './manifest.js';
import type { MadePacket } from './run-batch.js';
import type { BatchPlan } from './plan-batch.js';

export interface BatchOutput {
  add(packet: MadePacket): Promise<void>;
  /** Writes the manifest and moves the output into place. */
  finish(manifest: Manifest): Promise<void>;
  /** Removes everything written so far; safe to call more than once. */
  abort(): Promise<void>;
}

export const manifestFiles = ['manifest.csv', 'manifest.json'] as const;

function exists(path: string): PacketError {
  return new PacketError('PKT_ERR_OUTPUT_EXISTS', { issues: [{ path: '--out', messageKey: 'errors:PKT_ERR_OUTPUT_EXISTS' }], detail: `${path} exists` });
}

function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
}

/** A folder of `<county>-<lang>.pdf` files and the manifest; checked before any packet is made. */
export function createFolderOutput(folder: string, plan: BatchPlan, options: { force: boolean }): BatchOutput {
  mkdirSync(folder, { recursive: true });
  if (!options.force) {
    const taken = [...plan.items.map((item) => item.file), ...manifestFiles].find((file) => existsSync(join(folder, file)));
    if (taken) throw exists(join(folder, taken));
  }
  const staging = mkdtempSync(join(folder, '.batch-'));
  return {
    async add(packet) {
      writeFileSync(join(staging, packet.item.file), packet.pdf);
    },
    async finish(manifest) {
      for (const [name, chunks] of manifestChunks(manifest)) {
        const file = openSync(join(staging, name), 'w');
        try {
          for (const chunk of chunks()) writeSync(file, chunk);
        } finally {
          closeSync(file);
        }
      }
      for (const file of readdirSync(staging)) renameSync(join(staging, file), join(folder, file));
      rmSync(staging, { recursive: true, force: true });
    },
    async abort() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

// Packets handed to the ZIP but not yet written out: past this, the batch waits, so memory stays flat
// however many packets there are (a slow disk or client holds back the renderers, not the heap).
const zipPendingLimit = 16;

export interface ZipStream {
  add(name: string, bytes: Uint8Array): Promise<void>;
  /** An entry whose text comes in chunks (the manifest): read twice, once for its size, never held whole. */
  addText(name: string, chunks: () => Iterable<string>): Promise<void>;
  /** manifest.csv and manifest.json. */
  addManifest(manifest: Manifest): Promise<void>;
  end(): Promise<void>;
}

/**
 * A streamed ZIP: each packet is stored (PDFs are already compressed) as it is made and flows on to
 * `target`; entries carry `date` as their time, so the same batch gives the same bytes.
 */
export function createZipStream(target: Writable, date: Date): ZipStream {
  const zip = new yazl.ZipFile();
  zip.outputStream.pipe(target);
  const finished = once(target, 'finish');
  finished.catch(() => undefined);
  let pending = 0;
  let wake: (() => void) | undefined;
  const settle = () => {
    pending--;
    wake?.();
  };
  target.once('close', () => wake?.());
  // A stream, not addBuffer: yazl keeps every entry until the end for the central directory, and an entry
  // made by addBuffer keeps its bytes too (10,000 packets held 1.2 GB); a drained stream keeps none.
  const addEntry = async (name: string, source: Readable, size: number) => {
    if (target.destroyed) throw new PacketError('PKT_ERR_CLIENT_GONE', { detail: 'zip destination closed' });
    pending++;
    zip.addReadStream(source, name, { mtime: date, compress: false, size });
    // yazl keeps the entry's pump function, and with it the stream object, after pumping: let both go.
    const entry = (zip as unknown as { entries: { doFileDataPump?: unknown }[] }).entries.at(-1);
    source.once('end', () => {
      if (entry) entry.doFileDataPump = undefined;
      settle();
    });
    while (pending > zipPendingLimit && !target.destroyed) {
      // A destination destroyed while we wait (a client gone) never drains: its close ends the wait too.
      await new Promise<void>((resolve) => {
        wake = () => {
          wake = undefined;
          resolve();
        };
      });
    }
    if (target.destroyed) throw new PacketError('PKT_ERR_CLIENT_GONE', { detail: 'zip destination closed' });
  };
  const stream: ZipStream = {
    add(name, bytes) {
      const source = new PassThrough();
      source.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return addEntry(name, source, bytes.byteLength);
    },
    addText(name, chunks) {
      let size = 0;
      for (const chunk of chunks()) size += Buffer.byteLength(chunk);
      return addEntry(name, Readable.from(chunks(), { objectMode: false }), size);
    },
    async addManifest(manifest) {
      for (const [name, chunks] of manifestChunks(manifest)) await stream.addText(name, chunks);
    },
    async end() {
      zip.end();
      await finished;
    },
  };
  return stream;
}

/** `--out batch.zip`: a ZIP written under a temporary name and renamed when complete. */
export function createZipFileOutput(path: string, date: Date, options: { force: boolean }): BatchOutput {
  if (!options.force && existsSync(path)) throw exists(path);
  const temporary = temporaryBeside(path);
  const file: WriteStream = createWriteStream(temporary, { flags: 'wx' });
  const zip = createZipStream(file, date);
  return {
    async add(packet) {
      await zip.add(packet.item.file, packet.pdf);
    },
    async finish(manifest) {
      await zip.addManifest(manifest);
      await zip.end();
      renameSync(temporary, path);
    },
    async abort() {
      file.destroy();
      rmSync(temporary, { force: true });
    },
  };
}

/** `--merge all.pdf`: every packet in one print job, bookmarked, each starting on an odd page. */
export async function createMergedOutput(path: string, titleOf: (packet: MadePacket) => string, metadata: { title: string; creator: string; date: Date }, options: { force: boolean }): Promise<BatchOutput> {
  if (!options.force && existsSync(path)) throw exists(path);
  const { PdfMerger } = await import('../pdf/merge-pdfs.js');
  const merger = new PdfMerger(metadata);
  let temporary: string | undefined;
  return {
    async add(packet) {
      await merger.add({ pdf: packet.pdf, title: titleOf(packet) });
    },
    async finish() {
      const bytes = await merger.save();
      temporary = temporaryBeside(path);
      writeFileSync(temporary, bytes, { flag: 'wx' });
      renameSync(temporary, path);
      temporary = undefined;
    },
    async abort() {
      if (temporary) rmSync(temporary, { force: true });
    },
  };
}
