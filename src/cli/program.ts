/** The release-packet command line: a thin adapter over generatePacket. Exit 0 ok, 1 bad input, 2 internal error. */
import { Command, Option } from 'commander';
import type { Catalogs } from '../i18n/catalogs.js';
import { getPreparedEngine } from '../engine.js';
import { listLeftOutLocales } from '../i18n/list-locales.js';
import { describeError } from '../i18n/describe-error.js';
import { isPacketError } from '../errors.js';
import type { GenerateFlags } from './generate-command.js';
import type { BatchFlags } from './batch-command.js';
import type { CheckFlags, DirectoryFlags, ImportFlags } from './directory-command.js';
import { registerLocalesCommands } from './locales-commands.js';
import { registerCountiesCommand } from './counties-command.js';
import { languageFromEnvironment, resolveOperatorLanguage } from '../i18n/operator-language.js';
import { packageVersion } from '../version.js';

// Each command group's module is imported when its command runs: a `generate` process never loads the
// directory tools (HSDS, CSV), and start-up is most of what a one-packet CLI call costs.
const generateCommand = () => import('./generate-command.js');
const directoryCommand = () => import('./directory-command.js');
const batchCommand = () => import('./batch-command.js');
const localesCommand = () => import('./locales-command.js');

/**
 * The operator's language for messages: --ui-lang, else the environment's locale (LC_ALL, LC_MESSAGES,
 * LANG), else English; never the packet's language (a Spanish packet asked for by an English-speaking clerk).
 */
function operatorLanguage(uiLang: string | undefined, catalogs: Catalogs): string | undefined {
  return resolveOperatorLanguage(uiLang, catalogs) ?? languageFromEnvironment(process.env, catalogs);
}

/** Prints what went wrong in the operator's language; never the values the person typed. */
function report(error: unknown, uiLang: string | undefined, packetLanguage?: string): number {
  let catalogs: Catalogs;
  try {
    catalogs = getPreparedEngine().catalogs;
  } catch (loadError) {
    // English itself is broken: no catalog can explain anything, so say which file and line in English.
    const message = isPacketError(loadError) ? loadError.message : 'internal error';
    process.stderr.write(`release-packet: ${message}\n`);
    return 2;
  }
  const description = describeError(error, operatorLanguage(uiLang, catalogs), catalogs);
  process.stderr.write(`release-packet: ${description.message} (${description.code})\n`);
  for (const issue of description.issues) process.stderr.write(`  ${issue.path || '(request)'}: ${issue.message}\n`);
  // A language whose folder exists but was left out: say why, instead of "no packet in this language".
  const asked = packetLanguage?.toLowerCase();
  for (const leftOut of listLeftOutLocales(catalogs)) {
    if (leftOut.folder.toLowerCase() !== asked) continue;
    for (const problem of leftOut.problems) process.stderr.write(`  locales/${problem}\n`);
  }
  if (!isPacketError(error) && process.env.RELEASE_PACKET_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return description.status < 500 ? 1 : 2;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('release-packet')
    .description('Print personalized, bilingual know-your-rights release packets')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--ui-lang <tag>', 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG; else English)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  let exitCode = 0;
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
    .option('--contact <role:name[:phone]>', 'a designated contact (repeat, at most 5); role: attorney, family, emergency, consulate, other', (value: string, list: string[] = []) => [...list, value])
    .option('--cards <n>', 'wallet cards to print, 1 to 8')
    .option('--name <name>', 'the person\'s name, in any script; other users of this computer can see it in the process list (ps): prefer --request')
    .addOption(new Option('--paper <paper>', 'paper size').choices(['letter', 'a4']))
    .option('--large-print', '14 pt body text')
    .option('--staff-checklist', 'add the staff checklist page')
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
      const { runGenerate, errorLanguage } = await generateCommand();
      try {
        await runGenerate(flags);
      } catch (error) {
        exitCode = report(error, program.opts<{ uiLang?: string }>().uiLang, errorLanguage(flags));
      }
    });

  program
    .command('batch')
    .description('generic packets (fill-in lines, no personal data) for many counties and languages, with a manifest')
    .requiredOption('--counties <list>', 'all, a region (e.g. bay-area), or county slugs: fresno,kern')
    .requiredOption('--langs <list>', 'packet languages (locale ids): en,es')
    .addOption(new Option('--youth <which>', 'youth variants too (both), instead (only), or not (no)').choices(['no', 'both', 'only']).default('no'))
    .addOption(new Option('--paper <paper>', 'paper size').choices(['letter', 'a4']).default('letter'))
    .option('--large-print', '14 pt body text')
    .option('--out <target>', 'a folder, or a .zip file')
    .option('--merge <file>', 'also one print-ready PDF: each packet on an odd page, one bookmark per packet')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--force', 'replace existing output files')
    .addOption(new Option('--today <date>', 'the printed date, YYYY-MM-DD (reproducible output)').hideHelp())
    .addOption(new Option('--repeat <n>', 'make the whole batch n times (benchmark)').hideHelp())
    .action(async (flags: BatchFlags) => {
      const { runBatchCommand } = await batchCommand();
      try {
        await runBatchCommand(flags);
      } catch (error) {
        // Ctrl-C: the conventional 128 + SIGINT, after saying nothing was left half-written.
        exitCode = report(error, undefined);
        if (isPacketError(error) && error.code === 'PKT_ERR_INTERRUPTED') exitCode = 130;
      }
    });

  // Maintainer tools: messages name files and entries (public data), so the error's own detail is shown.
  const runTool = async (run: () => number | void | Promise<number | void>) => {
    try {
      exitCode = (await run()) ?? 0;
    } catch (error) {
      if (!isPacketError(error)) {
        // Never a silent exit: the class says what kind of failure it was without quoting any input.
        process.stderr.write(`release-packet: internal error (${(error as Error | undefined)?.name ?? typeof error}); set RELEASE_PACKET_DEBUG=1 for details\n`);
        if (process.env.RELEASE_PACKET_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
        exitCode = 2;
        return;
      }
      process.stderr.write(`release-packet: ${error.message} (${error.code})\n`);
      exitCode = error.status < 500 || error.code === 'PKT_ERR_DIRECTORY_INVALID' ? 1 : 2;
    }
  };
  const maintain = async (run: (tools: Awaited<ReturnType<typeof directoryCommand>>) => number | void) => {
    const tools = await directoryCommand();
    await runTool(() => run(tools));
  };
  const directory = program.command('directory').description('check, export and import the directory of hotlines and providers');
  const stateOptions = (command: Command) =>
    command
      .option('--state <code>', 'state folder under the directory', 'ca')
      .option('--dir <folder>', 'directory root (default: the embedded assets/directory)');
  stateOptions(directory.command('check'))
    .description('coverage per county, stale and undated entries, shared phone lines; exit 1 on invalid data')
    .option('--stale-months <months>', 'age after which an entry is stale', '12')
    .option('--today <date>', 'judge staleness as of this date (YYYY-MM-DD)')
    .option('--json', 'print the report as JSON')
    .action((flags: CheckFlags) => maintain((tools) => tools.runDirectoryCheck(flags)));
  stateOptions(directory.command('export'))
    .description('write the state as an Open Referral HSDS data package (services.json, CSV tables, datapackage.json)')
    .addOption(new Option('--format <format>', 'package format').choices(['hsds']).makeOptionMandatory())
    .requiredOption('--out <folder>', 'new folder to write the package to')
    .action((flags: DirectoryFlags & { format: string; out: string }) => maintain((tools) => tools.runDirectoryExport(flags)));
  stateOptions(directory.command('import'))
    .description('replace the state\'s entries with those of an HSDS package (folder or services.json)')
    .requiredOption('--from <path>', 'package folder or services.json')
    .option('--allow-emptying-counties', 'accept a package that removes every entry of a county, or every statewide entry')
    .action((flags: ImportFlags) => maintain((tools) => tools.runDirectoryImport(flags)));

  registerCountiesCommand(program, (run) => runTool(run));

  registerLocalesCommands(program, async (run) => {
    const tools = await localesCommand();
    await runTool(() => run(tools));
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // commander has already printed its own message (unknown option, missing value).
    const code = (error as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 1;
  }
  return exitCode;
}

