/** `release-packet generate`: one packet from a request file and/or shortcut flags, written whole or not at all. */
import { readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseJsonText } from '../request/parse-request.js';
import { PacketError } from '../errors.js';
import { generatePacket, generatePreview } from '../generate.js';
import { getPreparedEngine } from '../engine.js';

export interface GenerateFlags {
  request?: string;
  out: string;
  format: string;
  lang?: string;
  secondLang?: string;
  county?: string;
  destinationCounty?: string;
  youth?: boolean;
  iceHold?: boolean;
  name?: string;
  paper?: string;
  largePrint?: boolean;
  staffChecklist?: boolean;
}

function readRequestFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--request', messageKey: 'errors:field.unreadable' }] });
  }
  const parsed = parseJsonText(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '', messageKey: 'errors:field.type', params: { expected: 'object' } }] });
  }
  return parsed as Record<string, unknown>;
}

/** The language to explain errors in: the flag, else the request file's, read leniently. */
export function errorLanguage(flags: Pick<GenerateFlags, 'lang' | 'request'>): string | undefined {
  if (flags.lang) return flags.lang;
  if (!flags.request || flags.request === '-') return undefined;
  try {
    const language = readRequestFile(flags.request).language;
    return typeof language === 'string' ? language : undefined;
  } catch {
    return undefined;
  }
}

/** Shortcut flags override the request file, field by field. */
export function requestFromFlags(flags: GenerateFlags): Record<string, unknown> {
  const request: Record<string, unknown> = flags.request ? readRequestFile(flags.request) : {};
  const print = { ...(request.print as Record<string, unknown> | undefined) };
  if (flags.lang !== undefined) request.language = flags.lang;
  if (flags.secondLang !== undefined) request.secondLanguage = flags.secondLang;
  if (flags.county !== undefined) request.county = flags.county;
  if (flags.destinationCounty !== undefined) request.destinationCounty = flags.destinationCounty;
  if (flags.youth) request.youth = true;
  if (flags.iceHold) request.iceHold = { ...(request.iceHold as object | undefined), received: true };
  if (flags.name !== undefined) request.person = { ...(request.person as object | undefined), name: flags.name };
  if (flags.paper !== undefined) print.paper = flags.paper;
  if (flags.largePrint) print.largePrint = true;
  if (flags.staffChecklist) print.staffChecklist = true;
  if (Object.keys(print).length) request.print = print;
  return request;
}

/** Writes next to the target and renames, so a failure never leaves half a file where the packet should be. */
export function writeWhole(path: string, bytes: Uint8Array | string): void {
  if (path === '-') {
    process.stdout.write(bytes);
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export async function runGenerate(flags: GenerateFlags): Promise<void> {
  const request = requestFromFlags(flags);
  // One packet per process: start from the prepared file rather than shaping all shared text again.
  const engine = getPreparedEngine();
  if (flags.format === 'html') {
    writeWhole(flags.out, generatePreview(request, { engine }));
  } else if (flags.format === 'pdf') {
    writeWhole(flags.out, await generatePacket(request, { engine }));
  } else {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--format', messageKey: 'errors:field.choice', params: { choices: 'pdf, html' } }] });
  }
}
