/**
 * Reads one file of an import package the way untrusted input must be read: only regular files, only inside
 * the package folder (no "../", no absolute path, no link that leads out), at most a bounded size, and only
 * valid UTF-8. A probe read `../dev/zero` through a datapackage.json until memory ran out.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, constants } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { PacketError } from '../../errors.js';

/** The whole California directory exports to about 0.3 MB; 8 MB leaves room for any state's directory. */
export const maxPackageFileBytes = 8 * 1024 * 1024;

function refuse(file: string, reason: string, cause?: unknown): PacketError {
  return new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${file}: ${reason}` });
}

/** The folder-relative path a datapackage.json names, resolved, or a refusal saying why it may not be read. */
export function resolveResourcePath(packageDir: string, resourcePath: string, label: string): string {
  const parts = resourcePath.split(/[\\/]/);
  if (resourcePath === '' || isAbsolute(resourcePath) || /^[a-z]:/i.test(resourcePath) || parts.includes('..') || resourcePath.includes('\0')) {
    throw refuse(label, `resource path "${resourcePath}" must be a relative path inside the package folder`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(resourcePath)) throw refuse(label, `resource path "${resourcePath}" must be a file in the package, not a URL`);
  const path = join(packageDir, resourcePath);
  let real: string;
  let realDir: string;
  try {
    real = realpathSync(path);
    realDir = realpathSync(packageDir);
  } catch (cause) {
    throw refuse(label, `resource "${resourcePath}" does not exist`, cause);
  }
  const inside = relative(realDir, real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw refuse(label, `resource "${resourcePath}" leads outside the package folder`);
  }
  return path;
}

/** The line (1-based) of the first byte sequence that is not UTF-8; "\n" never occurs inside a multi-byte sequence. */
function firstInvalidLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, index))) return line;
      line++;
      start = index + 1;
    }
  }
  return line;
}

/** Reads a regular file of at most maxPackageFileBytes as UTF-8 text, or refuses it with the file named. */
export function readPackageText(path: string, maxBytes = maxPackageFileBytes): string {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before we can see it is not a file.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw refuse(path, 'cannot be read', cause);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw refuse(path, 'is not a regular file');
    if (stats.size > maxBytes) throw refuse(path, `is ${stats.size} bytes; the limit is ${maxBytes}`);
    // Read at most one byte past the limit, so a file that grows while read is still bounded.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw refuse(path, `is larger than the limit of ${maxBytes} bytes`);
    const bytes = buffer.subarray(0, length);
    if (!isUtf8(bytes)) throw refuse(path, `line ${firstInvalidLine(bytes)}: not valid UTF-8`);
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(descriptor);
  }
}

/** A --from argument: a folder (the package) or a services.json file; anything else is refused. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
