/** `release-packet generate`: one packet from a request file and/or shortcut flags, written whole or not at all. */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { emptyRequestError, parseJsonText } from '../request/parse-request.js';
import { contactRoles, limits } from '../request/schema.js';
import { PacketError } from '../errors.js';
import { getPreparedEngine } from '../engine.js';
import { writeOutput } from './write-output.js';

/** Says what went wrong in the operator's language (program.ts); the packet's language names a left-out locale folder. */
type ReportError = (error: unknown, packetLanguage: string | undefined) => void;

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
  agencyWillComply?: boolean;
  releaseInfoShared?: boolean;
  releaseDate?: string;
  releasePlace?: string;
  contact?: string[];
  cards?: string;
  cardLayout?: string;
  staffLang?: string;
  fillIn?: boolean;
}

const phonePattern = /^[0-9+()./ -]*( ?(ext\.?|x) ?[0-9]{1,6})?$/;

/** "attorney:Ana Ruiz:559-555-0101" → a contact; the phone is the last part only when it looks like one. */
export function contactFromFlag(value: string): Record<string, string> {
  const [role = '', ...rest] = value.split(':');
  const last = rest.at(-1);
  const hasPhone = rest.length > 1 && last !== undefined && /\d/.test(last) && phonePattern.test(last.trim());
  const name = (hasPhone ? rest.slice(0, -1) : rest).join(':').trim();
  return { role: role.trim(), name, ...(hasPhone ? { phone: last!.trim() } : {}) };
}

/** The request file's object, or undefined when the file is empty (runGenerate says so, with what is required). */
function readRequestFile(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--request', messageKey: 'errors:field.unreadable' }] });
  }
  if (text.trim() === '') return undefined;
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
    const language = readRequestFile(flags.request)?.language;
    return typeof language === 'string' ? language : undefined;
  } catch {
    return undefined;
  }
}

/** Shortcut flags override the request file, field by field (an empty file counts as {} here). */
export function requestFromFlags(flags: GenerateFlags, fromFile = flags.request ? readRequestFile(flags.request) : {}): Record<string, unknown> {
  const request: Record<string, unknown> = { ...fromFile };
  const print = { ...(request.print as Record<string, unknown> | undefined) };
  if (flags.lang !== undefined) request.language = flags.lang;
  if (flags.secondLang !== undefined) request.secondLanguage = flags.secondLang;
  if (flags.county !== undefined) request.county = flags.county;
  if (flags.destinationCounty !== undefined) request.destinationCounty = flags.destinationCounty;
  if (flags.youth) request.youth = true;
  if (flags.iceHold || flags.agencyWillComply !== undefined || flags.releaseInfoShared !== undefined) {
    const iceHold: Record<string, unknown> = { ...(request.iceHold as object | undefined) };
    if (flags.iceHold) iceHold.received = true;
    if (flags.agencyWillComply !== undefined) iceHold.agencyWillComply = flags.agencyWillComply;
    if (flags.releaseInfoShared !== undefined) iceHold.releaseInfoSharedWithIce = flags.releaseInfoShared;
    request.iceHold = iceHold;
  }
  if (flags.releaseDate !== undefined || flags.releasePlace !== undefined) {
    const release: Record<string, unknown> = { ...(request.release as object | undefined) };
    if (flags.releaseDate !== undefined) release.date = flags.releaseDate;
    if (flags.releasePlace !== undefined) release.location = flags.releasePlace;
    request.release = release;
  }
  if (flags.contact?.length) request.contacts = flags.contact.map(contactFromFlag);
  if (flags.cards !== undefined) print.cards = /^\d+$/.test(flags.cards) ? Number(flags.cards) : flags.cards;
  if (flags.name !== undefined) request.person = { ...(request.person as object | undefined), name: flags.name };
  if (flags.paper !== undefined) print.paper = flags.paper;
  if (flags.largePrint) print.largePrint = true;
  if (flags.staffChecklist) print.staffChecklist = true;
  if (flags.cardLayout !== undefined) print.cardLayout = flags.cardLayout;
  if (flags.staffLang !== undefined) print.staffLanguage = flags.staffLang;
  if (flags.fillIn) print.fillIn = true;
  if (Object.keys(print).length) request.print = print;
  return request;
}

/** What was written, on standard error: standard output may be the packet itself (--out -). */
function reportWritten(line: string): void {
  process.stderr.write(`release-packet: ${line}\n`);
}

export async function runGenerate(flags: GenerateFlags): Promise<void> {
  const fromFile = flags.request ? readRequestFile(flags.request) : {};
  const request = requestFromFlags(flags, fromFile);
  // The packet pipeline (pdf-lib, layout, templates) loads only when a packet is made, not for other commands.
  const { generatePacketWithSummary, generatePreview, vocabularyOf } = await import('../generate.js');
  // One packet per process: start from the prepared file rather than shaping all shared text again.
  const engine = getPreparedEngine();
  // An empty file is a mistake to point out (the wrong file, a write cut short) even when flags fill the gaps.
  if (fromFile === undefined) throw emptyRequestError(vocabularyOf(engine), '--request', request);
  const options = { force: flags.force === true };
  const where = flags.out === '-' ? 'standard output' : flags.out;
  if (flags.format === 'html') {
    const html = generatePreview(request, { engine });
    await writeOutput(flags.out, html, options);
    reportWritten(`wrote ${where}: HTML preview, ${Buffer.byteLength(html).toLocaleString('en-US')} bytes`);
  } else if (flags.format === 'pdf') {
    const packet = await generatePacketWithSummary(request, { engine });
    await writeOutput(flags.out, packet.pdf, options);
    reportWritten(`wrote ${where}: ${packet.pageCount} pages, ${packet.pdf.byteLength.toLocaleString('en-US')} bytes, ${packet.languages.join(' + ')}`);
  } else {
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '--format', messageKey: 'errors:field.choice', params: { choices: 'pdf, html' } }] });
  }
}

/** Declares `release-packet generate`, its flags and examples; program.ts only wires it in. */
export function registerGenerateCommand(program: Command, reportError: ReportError): void {
  program
    .command('generate')
    .description('generate one packet as PDF (or the HTML preview)')
    .option('--request <file>', 'PacketRequest JSON file ("-" for standard input); the private way to give a name, dates and contacts')
    .requiredOption('--out <file>', 'where to write the packet ("-" for standard output; a device or named pipe is written into)')
    .option('--force', 'replace --out if it is an existing file')
    .addOption(new Option('--format <format>', 'output format').choices(['pdf', 'html']).default('pdf'))
    .option('--lang <tag>', 'the person\'s language: a tag or name, e.g. es, es-MX, Spanish (see `release-packet locales`)')
    .option('--second-lang <tag>', 'second language (default: English, or Spanish for English)')
    .option('--county <name>', 'release county by name or short name, e.g. "Los Angeles" or los-angeles (see `release-packet counties`)')
    .option('--destination-county <name>', 'county the person is going to')
    .option('--youth', 'include the juvenile confidentiality section')
    .option('--ice-hold', 'an ICE hold was received: include the detainer rights section')
    .option('--agency-will-comply', 'the agency will comply with the hold (with --ice-hold)')
    .option('--no-agency-will-comply', 'the agency will not comply with the hold')
    .option('--release-info-shared', 'the release date was shared with ICE (with --ice-hold)')
    .option('--no-release-info-shared', 'the release date was not shared with ICE')
    .option('--release-date <date>', 'release date, YYYY-MM-DD')
    .option('--release-place <text>', 'where the person is released, e.g. "Fresno County Jail, main entrance"')
    // Limits and roles from the request schema, so the help cannot promise what the schema refuses.
    .option('--contact <role:name[:phone]>', `a designated contact (repeat, at most ${limits.contacts}); role: ${contactRoles.join(', ')}`, (value: string, list: string[] = []) => [...list, value])
    .option('--cards <n>', `wallet cards to print, 1 to ${limits.cards}`)
    .option('--name <name>', 'the person\'s name, in any script; other users of this computer can see it in the process list (ps): prefer --request')
    .addOption(new Option('--paper <paper>', 'paper size').choices(['letter', 'a4']))
    .option('--large-print', '14 pt body text')
    .option('--staff-checklist', 'add the staff checklist page')
    .option('--staff-lang <tag>', 'language the staff pages put first (default: English)')
    .addOption(new Option('--card-layout <layout>', 'wallet cards: duplex (fronts and mirrored backs, two-sided printing) or fold (side by side, folded once; no duplexer needed)').choices(['duplex', 'fold']))
    .option('--fill-in', 'labelled blank lines, to fill in by hand, where the name, release date and place or contacts are not given')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  release-packet generate --county "Los Angeles" --lang es --out packet.pdf\n' +
        '  release-packet generate --county fresno --lang es-MX --youth --ice-hold --no-agency-will-comply \\\n' +
        '      --release-date 2026-12-01 --release-place "Fresno County Jail, main entrance" --out packet.pdf\n' +
        '  release-packet generate --request request.json --format html --out preview.html\n' +
        '\nPrivacy: command-line arguments are visible to every user of this computer (ps, /proc) and often kept in shell history.\n' +
        'Give personal details in a file or on standard input instead, e.g.\n' +
        '  release-packet generate --request - --out packet.pdf < request.json\n',
    )
    .action(async (flags: GenerateFlags) => {
      try {
        await runGenerate(flags);
      } catch (error) {
        reportError(error, errorLanguage(flags));
      }
    });
}
