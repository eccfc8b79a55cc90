/** The release-packet command line: a thin adapter over generatePacket. Exit 0 ok, 1 bad input, 2 internal error. */
import { Command, Option } from 'commander';
import { getCatalogs } from '../i18n/catalogs.js';
import { describeError } from '../i18n/describe-error.js';
import { isPacketError } from '../errors.js';
import { errorLanguage, runGenerate, type GenerateFlags } from './generate-command.js';

/** Prints what went wrong in the request's language; never the values the person typed. */
function report(error: unknown, lng: string | undefined): number {
  const description = describeError(error, lng, getCatalogs());
  process.stderr.write(`release-packet: ${description.message} (${description.code})\n`);
  for (const issue of description.issues) process.stderr.write(`  ${issue.path || '(request)'}: ${issue.message}\n`);
  if (!isPacketError(error) && process.env.RELEASE_PACKET_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return description.status < 500 ? 1 : 2;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('release-packet')
    .description('Print personalized, bilingual know-your-rights release packets')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  let exitCode = 0;
  program
    .command('generate')
    .description('generate one packet as PDF (or the HTML preview)')
    .option('--request <file>', 'PacketRequest JSON file ("-" for standard input)')
    .requiredOption('--out <file>', 'where to write the packet ("-" for standard output)')
    .addOption(new Option('--format <format>', 'output format').choices(['pdf', 'html']).default('pdf'))
    .option('--lang <id>', 'the person\'s language (locale id)')
    .option('--second-lang <id>', 'second language (default: English, or Spanish for English)')
    .option('--county <slug>', 'release county, e.g. fresno')
    .option('--destination-county <slug>', 'county the person is going to')
    .option('--youth', 'include the juvenile confidentiality section')
    .option('--ice-hold', 'an ICE hold was received: include the detainer rights section')
    .option('--name <name>', 'the person\'s name, in any script')
    .addOption(new Option('--paper <paper>', 'paper size').choices(['letter', 'a4']))
    .option('--large-print', '14 pt body text')
    .option('--staff-checklist', 'add the staff checklist page')
    .action(async (flags: GenerateFlags) => {
      try {
        await runGenerate(flags);
      } catch (error) {
        exitCode = report(error, errorLanguage(flags));
      }
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

