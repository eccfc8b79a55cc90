/** Declares `release-packet directory …`; the work is in directory-command.ts and directory-workflow-command.ts, imported only when one of these runs. */
import { Option, type Command } from 'commander';
import type { CheckFlags, DirectoryFlags, ImportFlags } from './directory-command.js';
import type { DueFlags, VerifyFlags } from './directory-workflow-command.js';

/** Runs a maintainer tool and turns its errors into messages and an exit code (program.ts). */
type RunTool = (run: () => number | void | Promise<number | void>) => Promise<void>;

export function registerDirectoryCommands(program: Command, runTool: RunTool): void {
  // The tools (HSDS, CSV, call sheets) load only when one of these commands runs.
  const maintain = async (run: (tools: typeof import('./directory-command.js')) => number | void) => {
    const tools = await import('./directory-command.js');
    await runTool(() => run(tools));
  };
  const workflow = async (run: (tools: typeof import('./directory-workflow-command.js')) => number | void | Promise<number | void>) => {
    const tools = await import('./directory-workflow-command.js');
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
}
