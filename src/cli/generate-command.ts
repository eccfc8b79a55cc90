/** `release-packet generate`: one packet from a request file and/or shortcut flags, written whole or not at all. */
import { readFileSync } from 'node:fs';
import { parseJsonText } from '../request/parse-request.js';
import { PacketError } from '../errors.js';
import { generatePacket, generatePreview } from '../generate.js';
import { getPreparedEngine } from '../engine.js';
import { writeOutput } from './write-output.js';

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
  force?: boolean;
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

export async function runGenerate(flags: GenerateFlags): Promise<void> {
  const request = requestFromFlags(flags);
  // One packet per process: start from the prepared file rather than shaping all shared text again.
  const engine = getPreparedEngine();
  const options = { force: flags.force === true };
  if (flags.format === 'html') {
    await writeOutput(flags.out, generatePreview(request, { engine }), options);
  } else if (flags.format === 'pdf') {
    await writeOutput(flags.out, await generatePacket(request, { engine }), options);
  } else {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--format', messageKey: 'errors:field.choice', params: { choices: 'pdf, html' } }] });
  }
}
