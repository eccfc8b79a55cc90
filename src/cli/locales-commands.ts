/** Declares `release-packet locales …`; the work is in locales-command.ts, imported only when one of these runs. */
import { Command, Option } from 'commander';

type LocalesTools = typeof import('./locales-command.js');
type RunTool = (run: (tools: LocalesTools) => number | void) => Promise<void>;

export function registerLocalesCommands(program: Command, runTool: RunTool): void {
  const locales = program.command('locales').description('list, check and start translations (locales/<tag>/)');
  const dirOption = () => new Option('--dir <folder>', 'locales folder (default: the embedded locales/, or RELEASE_PACKET_LOCALES_DIR)');

  locales
    // `release-packet locales` alone lists them: what an operator looks for first.
    .command('list', { isDefault: true })
    .description('the languages packets print in, with review status, and folders left out with why (exit 1 if any)')
    .addOption(dirOption())
    .option('--json', 'print as JSON')
    .action((flags) => runTool((tools) => tools.runLocalesList(flags)));

  locales
    .command('check')
    .description('compare locales with English: keys, placeholders, markup, plurals, fonts, fixed boxes, meta.json, source changes; exit 1 on errors')
    .argument('[tags...]', 'locale tags (default: every folder)')
    .addOption(dirOption())
    .option('--no-layout', 'skip laying out packets to find overflowing text (faster)')
    .option('--json', 'print the findings as JSON')
    .action((tags: string[], flags) => runTool((tools) => tools.runLocalesCheck(tags, flags)));

  locales
    .command('new')
    .description('start locales/<tag>/ from English, status draft')
    .argument('<tag>', 'BCP 47 tag, e.g. pt-BR, zh-Hant')
    .requiredOption('--name <name>', 'the language\'s name in itself, e.g. Português')
    .requiredOption('--english-name <name>', 'its name in English')
    .requiredOption('--script <code>', 'ISO 15924 script, e.g. Latn, Arab, Hant, Kore')
    .addOption(new Option('--dir-text <dir>', 'text direction').choices(['ltr', 'rtl']).default('ltr'))
    .addOption(dirOption())
    .action((tag: string, flags) => runTool((tools) => tools.runLocalesNew(tag, flags)));

  locales
    .command('pseudo')
    .description('write the pseudo-locale en-XA (accented, ~40% longer, bracketed) to find hard-coded text and overflow')
    .option('--out <folder>', 'locales folder to write it into (default: the --dir folder)')
    .option('--tag <tag>', 'tag of the pseudo-locale', 'en-XA')
    .addOption(dirOption())
    .action((flags) => runTool((tools) => tools.runLocalesPseudo(flags)));

  locales
    .command('confirm')
    .description('record today\'s English as the source of a locale\'s translations (after translating or reviewing them)')
    .argument('<tag>', 'locale tag')
    .option('--key <keys...>', 'only these keys, e.g. packet:card.door')
    .addOption(dirOption())
    .action((tag: string, flags) => runTool((tools) => tools.runLocalesConfirm(tag, flags)));
}
