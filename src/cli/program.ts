/** The release-packet command line: a thin adapter over generatePacket. Exit 0 ok, 1 bad input, 2 internal error. */
import { Command } from 'commander';
import type { Catalogs } from '../i18n/catalogs.js';
import { getPreparedEngine } from '../engine.js';
import { listLeftOutLocales } from '../i18n/list-locales.js';
import { describeError } from '../i18n/describe-error.js';
import { isPacketError } from '../errors.js';
import { registerBatchCommand } from './batch-commands.js';
import { registerDirectoryCommands } from './directory-commands.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerLocalesCommands } from './locales-commands.js';
import { registerCountiesCommand } from './counties-command.js';
import { languageFromEnvironment, resolveOperatorLanguage } from '../i18n/operator-language.js';
import { packageVersion } from '../version.js';

// Each command group's work is imported when its command runs: a `generate` process never loads the
// directory tools (HSDS, CSV), and start-up is most of what a one-packet CLI call costs. (generate-command.ts
// declares its command here and imports the packet pipeline itself, inside its action.)
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
  // Ctrl-C during a batch: the conventional 128 + SIGINT, after saying nothing was left half-written.
  if (isPacketError(error) && error.code === 'PKT_ERR_INTERRUPTED') return 130;
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
  // The command groups, in the order help lists them; each declares its own flags in its own file.
  registerGenerateCommand(program, (error, packetLanguage) => {
    exitCode = report(error, program.opts<{ uiLang?: string }>().uiLang, packetLanguage);
  });
  registerBatchCommand(program, (error) => {
    exitCode = report(error, program.opts<{ uiLang?: string }>().uiLang);
  });
  registerDirectoryCommands(program, runTool);
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

