/**
 * Where `generate --out` puts the packet, by what the target is (a shell's `>` is the model, made safe):
 * - nothing there yet: written to a temporary file beside it and renamed, so a failure leaves no half file;
 * - a regular file: the same, but only with --force (a packet is easy to remake, the file it replaces may not
 *   be); the file keeps its permissions, and a symbolic link to it stays a link (the file it points to is replaced);
 * - a device, FIFO or socket (`/dev/stdout`, `/dev/lp0`, a named pipe), reached directly or through a link:
 *   written into directly, as `>` would; renaming over it would replace the device with a regular file;
 * - a folder or a link to nothing: refused, since no reading of "write the packet there" is safe;
 * - `-`: standard output; a closed pipe (`| head -c 10`) is an error of the output, not a crash.
 * Every failure is a PacketError naming `--out`, never the path itself (a file may be named after the person).
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PacketError } from '../errors.js';

/** The file operations used here; tests pass a double to simulate a full disk on the rename path. */
export type OutputFs = Pick<
  typeof nodeFs,
  'lstatSync' | 'statSync' | 'realpathSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'chmodSync'
>;

export interface WriteOptions {
  /** Replace an existing regular file. */
  force?: boolean;
  fs?: OutputFs;
  /** Standard output, for `-`; tests pass a stream they control. */
  stdout?: NodeJS.WritableStream;
}

/** The output's own failure, with the system's error code (ENOSPC, EACCES…) as the only detail. */
function outputError(messageKey: string, cause?: unknown): PacketError {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new PacketError('PKT_ERR_OUTPUT_UNWRITABLE', {
    issues: [{ path: '--out', messageKey: `errors:${messageKey}`, ...(reason ? { params: { reason } } : {}) }],
    cause,
    detail: reason,
  });
}

/** A system error while writing, as the message a person can act on. */
function writeFailure(error: unknown): PacketError {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return outputError('field.outputNoSpace', error);
    case 'EPIPE':
    case 'ERR_STREAM_DESTROYED':
      return outputError('field.outputClosed', error);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return outputError('field.outputDenied', error);
    case 'ENOENT':
    case 'ENOTDIR':
      return outputError('field.outputNoFolder', error);
    default:
      return outputError('field.outputFailed', error);
  }
}

function statOrUndefined(read: () => nodeFs.Stats): nodeFs.Stats | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw writeFailure(error);
  }
}

/** Writes to standard output and waits for the bytes to leave, so a closed pipe is reported, not thrown later. */
function writeToStream(stream: NodeJS.WritableStream, bytes: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    // A closed pipe is reported both to the callback and as an 'error' event; without a listener the event crashes.
    const onError = (error: unknown) => reject(writeFailure(error));
    stream.once('error', onError);
    stream.write(bytes, (error?: Error | null) => {
      // On failure the listener stays: the 'error' event follows the callback and must not go unheard.
      if (error) return reject(writeFailure(error));
      stream.removeListener('error', onError);
      resolve();
    });
  });
}

/** Temporary file beside the target, then rename: readers of `target` see the old file or the whole new one. */
function replaceAtomically(fs: OutputFs, target: string, bytes: Uint8Array | string, mode: number | undefined): void {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    if (mode !== undefined) fs.chmodSync(temporary, mode & 0o7777);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw writeFailure(error);
  }
}

export async function writeOutput(path: string, bytes: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  if (path === '-') return writeToStream(options.stdout ?? process.stdout, bytes);

  const entry = statOrUndefined(() => fs.lstatSync(path));
  if (!entry) return replaceAtomically(fs, path, bytes, undefined);

  // What the path finally names, links followed; a link to nothing is refused rather than guessed at.
  const target = entry.isSymbolicLink() ? statOrUndefined(() => fs.statSync(path)) : entry;
  if (!target) throw outputError('field.outputDanglingLink');
  if (target.isDirectory()) throw outputError('field.outputFolder');
  if (!target.isFile()) {
    // Device, FIFO or socket: there is no "half a file" to avoid, and replacing it is never what was meant.
    try {
      fs.writeFileSync(path, bytes);
    } catch (error) {
      throw writeFailure(error);
    }
    return;
  }
  if (!options.force) {
    throw new PacketError('PKT_ERR_OUTPUT_EXISTS', { issues: [{ path: '--out', messageKey: 'errors:field.outputExists' }] });
  }
  let realTarget = path;
  try {
    if (entry.isSymbolicLink()) realTarget = fs.realpathSync(path);
  } catch (error) {
    throw writeFailure(error);
  }
  replaceAtomically(fs, realTarget, bytes, target.mode);
}
