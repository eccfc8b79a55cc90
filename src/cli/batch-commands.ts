/** Declares `release-packet batch`; the work is in batch-command.ts, imported only when a batch runs. */
import { Option, type Command } from 'commander';
import type { BatchFlags } from './batch-command.js';

/** Says what went wrong in the operator's language and sets the exit code (program.ts). */
type ReportError = (error: unknown) => void;

export function registerBatchCommand(program: Command, reportError: ReportError): void {
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
    .option('--jobs <n>', 'at most n threads making packets, this one and workers; a worker starts only for every 50 packets, when it pays (default: the number of cores)')
    .option('--force', 'replace existing output files')
    .addOption(new Option('--today <date>', 'the printed date, YYYY-MM-DD (reproducible output)').hideHelp())
    .addOption(new Option('--repeat <n>', 'make the whole batch n times (benchmark)').hideHelp())
    .action(async (flags: BatchFlags) => {
      // The batch machinery (pool, ZIP, progress bar) loads only when a batch runs.
      const { runBatchCommand } = await import('./batch-command.js');
      try {
        await runBatchCommand(flags);
      } catch (error) {
        reportError(error);
      }
    });
}
