/**
 * The prepared startup file: what the engine computes at startup (face summaries, shaped words of all shared
 * text, prepared font programs), written once at build time so a CLI process loads it instead of computing it.
 * It is keyed by a digest of every input (code, fonts, catalogs, templates, directory, Node and fontkit
 * versions) and carries a checksum of its own bytes: a stale or corrupt file is never used.
 * It holds only shared, public text; never anything of a request.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import type { FaceSummary } from '../layout/fonts.js';
import type { ShapedWord } from '../layout/shape.js';
import type { FontProgram } from '../pdf/font-program.js';
import type { TemplateSpecs } from '../render/templates.js';

const magic = Buffer.from('release-packet prepared startup v1\n', 'latin1');
const digestBytes = 32;

export type StoredProgram = Omit<FontProgram, 'face'>;

export interface PreparedStartup {
  faces: FaceSummary[];
  frozenShapes: Map<string, ShapedWord>;
  programs: Map<number, StoredProgram>;
  templateSpecs: TemplateSpecs;
}

export interface StartupInputs {
  fontsDir: string;
  localesDir: string;
  templatesDir: string;
  directoryDir: string;
}

// The compiled code beside this folder (dist/ when built, src/ under tsx and vitest).
const codeDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Next to the code, so a rebuild of dist/ and a run from src/ never share (or fight over) one file. */
export const defaultPreparedPath = join(codeDir, 'startup.prepared');

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (entry.isFile() && keep(entry.name)) found.push(path);
  }
  return found;
}

function fontkitPackageJson(): string {
  const main = createRequire(import.meta.url).resolve('fontkit');
  return join(dirname(dirname(main)), 'package.json');
}

/** SHA-256 over every input's relative name and bytes: change any of them and the file no longer matches. */
export function digestStartupInputs(inputs: StartupInputs): Buffer {
  const hash = createHash('sha256');
  hash.update(`${magic.toString('latin1')}node ${process.version}\n`);
  const isCode = (name: string) => (name.endsWith('.js') || name.endsWith('.ts')) && !name.endsWith('.d.ts');
  const groups: [string, string, (name: string) => boolean][] = [
    ['code', codeDir, isCode],
    ['fonts', inputs.fontsDir, () => true],
    ['locales', inputs.localesDir, () => true],
    ['templates', inputs.templatesDir, () => true],
    ['directory', inputs.directoryDir, () => true],
  ];
  // Read in chunks through one buffer: the CJK font alone is 10 MB, which a CLI process need not hold.
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (const [label, folder, keep] of groups) {
    for (const path of filesUnder(folder, keep)) {
      const fd = openSync(path, 'r');
      try {
        hash.update(`${label}:${path.slice(folder.length)}:${fstatSync(fd).size}\n`);
        for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
      } finally {
        closeSync(fd);
      }
    }
  }
  hash.update(readFileSync(fontkitPackageJson()));
  return hash.digest();
}

/** The prepared state when the file exists, matches `inputsDigest` and is intact; otherwise undefined. */
export function readPreparedStartup(path: string, inputsDigest: Buffer): PreparedStartup | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const headerLength = magic.length + 2 * digestBytes;
  if (bytes.length <= headerLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  if (!bytes.subarray(magic.length, magic.length + digestBytes).equals(inputsDigest)) return undefined;
  const payload = bytes.subarray(headerLength);
  const checksum = createHash('sha256').update(payload).digest();
  if (!checksum.equals(bytes.subarray(magic.length + digestBytes, headerLength))) return undefined;
  try {
    const value = deserialize(payload) as PreparedStartup;
    if (!Array.isArray(value.faces) || !(value.frozenShapes instanceof Map) || !(value.programs instanceof Map) || typeof value.templateSpecs !== 'object') return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Writes beside the target and renames, so a reader never sees half a file; false when the folder is read-only. */
export function writePreparedStartup(path: string, inputsDigest: Buffer, prepared: PreparedStartup): boolean {
  const payload = serialize(prepared);
  const checksum = createHash('sha256').update(payload).digest();
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    writeFileSync(temporary, Buffer.concat([magic, inputsDigest, checksum, payload]));
    renameSync(temporary, path);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
