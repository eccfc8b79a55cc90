/**
 * The prepared startup file: what the engine computes at startup (face summaries, shaped words of all shared
 * text, prepared font programs), written once at build time so a CLI process loads it instead of computing it.
 * It is keyed by a digest of every input (code, fonts, catalogs, templates, directory, Node and fontkit
 * versions) and carries a checksum of its own bytes: a stale or corrupt file is never used. Hashing every
 * input's bytes (the CJK font alone is 10 MB) is a fifth of a CLI call, so the file also records each input's
 * size, modification time and inode, as git's index does: when those all match, the inputs are the ones
 * hashed; when any differs (an edit, a fresh clone), the bytes are hashed again and decide.
 * It holds only shared, public text; never anything of a request.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { deserialize, serialize } from 'node:v8';
import type { FaceSummary } from '../layout/fonts.js';
import { isPackedShapes, type PackedShapes } from '../layout/packed-shapes.js';
import type { FontProgram } from '../pdf/font-program.js';
import type { TemplateSpecs } from '../render/templates.js';
import type { Directory } from '../directory/load-directory.js';
import type { StoredCatalogs } from '../i18n/catalogs.js';

const magic = Buffer.from('release-packet prepared startup v4\n', 'latin1');
const digestBytes = 32;

export type StoredProgram = Omit<FontProgram, 'face'>;

export interface PreparedStartup {
  faces: FaceSummary[];
  /** Shaped words of all shared text, packed (layout/packed-shapes.ts). */
  shapes: PackedShapes;
  programs: Map<number, StoredProgram>;
  templateSpecs: TemplateSpecs;
  /** The directory as validated when the file was written (the same bytes, by the digest): not validated again. */
  directory: Directory;
  /** The printable catalogs as loaded and checked (glyph coverage included) when the file was written. */
  catalogs: StoredCatalogs;
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

/** Every input file, each with the label of its group and its folder. */
function inputFiles(inputs: StartupInputs): { label: string; folder: string; path: string }[] {
  const isCode = (name: string) => (name.endsWith('.js') || name.endsWith('.ts')) && !name.endsWith('.d.ts');
  const groups: [string, string, (name: string) => boolean][] = [
    ['code', codeDir, isCode],
    ['fonts', inputs.fontsDir, () => true],
    ['locales', inputs.localesDir, () => true],
    ['templates', inputs.templatesDir, () => true],
    ['directory', inputs.directoryDir, () => true],
  ];
  return groups.flatMap(([label, folder, keep]) => filesUnder(folder, keep).map((path) => ({ label, folder, path })));
}

/** SHA-256 over every input's name, size, modification time (ns) and inode: cheap, and changes with any edit. */
export function statStartupInputs(inputs: StartupInputs): Buffer {
  const hash = createHash('sha256');
  hash.update(`${magic.toString('latin1')}node ${process.version}\n`);
  for (const { label, path } of [...inputFiles(inputs), { label: 'fontkit', path: fontkitPackageJson() }]) {
    const stat = statSync(path, { bigint: true });
    hash.update(`${label}:${path}:${stat.size}:${stat.mtimeNs}:${stat.ino}\n`);
  }
  return hash.digest();
}

/** SHA-256 over every input's relative name and bytes: change any of them and the file no longer matches. */
export function digestStartupInputs(inputs: StartupInputs): Buffer {
  const hash = createHash('sha256');
  hash.update(`${magic.toString('latin1')}node ${process.version}\n`);
  // Read in chunks through one buffer: the CJK font alone is 10 MB, which a CLI process need not hold.
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (const { label, folder, path } of inputFiles(inputs)) {
    const fd = openSync(path, 'r');
    try {
      hash.update(`${label}:${path.slice(folder.length)}:${fstatSync(fd).size}\n`);
      for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    } finally {
      closeSync(fd);
    }
  }
  hash.update(readFileSync(fontkitPackageJson()));
  return hash.digest();
}

// Header: magic, digest of the inputs' bytes, digest of their stats, checksum of the payload.
const headerLength = magic.length + 3 * digestBytes;
const field = (bytes: Buffer, index: number) => bytes.subarray(magic.length + index * digestBytes, magic.length + (index + 1) * digestBytes);

/**
 * The prepared state when the file exists, was made from these inputs and is intact; otherwise undefined.
 * The inputs' bytes are hashed only when their stats differ from those recorded.
 */
export function readPreparedStartup(path: string, inputs: StartupInputs): PreparedStartup | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.length <= headerLength || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
  if (!field(bytes, 1).equals(statStartupInputs(inputs)) && !field(bytes, 0).equals(digestStartupInputs(inputs))) return undefined;
  const payload = bytes.subarray(headerLength);
  const checksum = createHash('sha256').update(payload).digest();
  if (!checksum.equals(field(bytes, 2))) return undefined;
  try {
    const value = deserialize(payload) as PreparedStartup;
    if (!Array.isArray(value.faces) || !isPackedShapes(value.shapes) || !(value.programs instanceof Map) || typeof value.templateSpecs !== 'object' || !(value.directory?.states instanceof Map) || !(value.catalogs?.locales instanceof Map)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Writes beside the target and renames, so a reader never sees half a file; false when the folder is read-only. */
export function writePreparedStartup(path: string, inputs: StartupInputs, prepared: PreparedStartup): boolean {
  // Stats first: an input edited while its bytes are hashed leaves stats that no longer match, never the reverse.
  const stats = statStartupInputs(inputs);
  const inputsDigest = digestStartupInputs(inputs);
  const payload = serialize(prepared);
  const checksum = createHash('sha256').update(payload).digest();
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    writeFileSync(temporary, Buffer.concat([magic, inputsDigest, stats, checksum, payload]));
    renameSync(temporary, path);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
