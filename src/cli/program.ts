/** The release-packet command line: a thin adapter over generatePacket. Exit 0 ok, 1 bad input, 2 internal error. */
import { Command, Option } from 'commander';
import type { Catalogs } from '../i18n/catalogs.js';
import { getPreparedEngine } from '../engine.js';
import { listLeftOutLocales } from '../i18n/list-locales.js';
import { describeError } from '../i18n/describe-error.js';
import { isPacketError } from '../errors.js';
import type { BatchFlags } from './batch-command.js';
import type { CheckFlags, DirectoryFlags, ImportFlags } from './directory-command.js';
import type { DueFlags, VerifyFlags } from './directory-workflow-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerLocalesCommands } from './locales-commands.js';
import { registerCountiesCommand } from './counties-command.js';
import { languageFromEnvironment, resolveOperatorLanguage } from '../i18n/operator-language.js';
import { packageVersion } from '../version.js';

// Each command group's work is imported when its command runs: a `generate` process never loads the
// directory tools (HSDS, CSV), and start-up is most of what a one-packet CLI call costs. (generate-command.ts
// declares its command here and imports the packet pipeline itself, inside its action.)
const directoryCommand = () => import('./directory-command.js');
const directoryWorkflowCommand = () => import('./directory-workflow-command.js');
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
  registerGenerateCommand(program, (error, packetLanguage) => {
    exitCode = report(error, program.opts<{ uiLang?: string }>().uiLang, packetLanguage);
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
  const workflow = async (run: (tools: Awaited<ReturnType<typeof directoryWorkflowCommand>>) => number | void | Promise<number | void>) => {
    const tools = await directoryWorkflowCommand();
    await runTool(() => run(tools));
  };
  const directory = program.command('directory').description('check, export, import and verify the directory of hotlines and providers');
  const stateOptions = (command: Command) =>
    command
      .option('--state <code>', 'state folder under the directory', 'ca')
      .option('--dir <folder>', 'directory root (default: the embedded assets/directory)');
  stateOptions(directory.command('check'))
    .description('coverage per county, stale and undated entries, shared phone lines; exit 1 on invalid data')
    .option('--stale-months <months>', 'age after which an entry is stale', '12')
    .option('--today <date>', 'judge staleness as of this date (YYYY-MM-DD)')
    .option('--json', 'print the report as JSON')
    .option('--update-doc <file>', 'rewrite the coverage block of a Markdown file (docs/DATA.md) from this report')
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
  stateOptions(directory.command('due'))
    .description('call sheet of the lines due for confirmation, grouped by county, with the script to read: CSV (standard output or --csv) and printable PDF (--pdf)')
    .option('--months <months>', 'a confirmation older than this is due again', '12')
    .option('--today <date>', 'judge what is due as of this date (YYYY-MM-DD)')
    .option('--csv <file>', 'write the call sheet as CSV (fill in result, new_number, checked_on, checked_by, method)')
    .option('--pdf <file>', 'write the printable call sheet')
    .option('--force', 'replace existing files')
    .action((flags: DueFlags) => workflow((tools) => tools.runDirectoryDue(flags)));
  stateOptions(directory.command('verify'))
    .description('record confirmation results in each entry\'s history: one with --entry, --number, --result, --by, --method, or a filled call sheet with --from')
    .option('--from <csv>', 'the call sheet of `directory due`, with results filled in (rows without a result are skipped)')
    .option('--entry <id>', 'entry id')
    .option('--number <phone>', 'the number that was checked, as printed')
    .addOption(new Option('--result <result>', 'what happened').choices(['confirmed', 'changed-number', 'disconnected', 'no-answer']))
    .option('--by <who>', 'who checked (name, initials or email)')
    .addOption(new Option('--method <method>', 'how').choices(['phone', 'email', 'official-page']))
    .option('--new-number <phone>', 'changed-number: the number the organization gave')
    .option('--url <url>', 'official-page: the page that was read')
    .option('--note <text>', 'anything the next person should know')
    .option('--on <date>', 'day of the check (YYYY-MM-DD; default today)')
    .option('--today <date>', 'today (YYYY-MM-DD), for tests')
    .action((flags: VerifyFlags) => workflow((tools) => tools.runDirectoryVerify(flags)));

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

