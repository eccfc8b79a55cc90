/** `release-packet locales list|check|new|pseudo|confirm`: the translators' tools for locales/<tag>/. */
import { Command, Option } from 'commander';
import { defaultLocalesDir, loadCatalogs } from '../i18n/catalogs.js';
import { checkLocales } from '../i18n/locale-check.js';
import { formatFinding } from '../i18n/locale-findings.js';
import { listLeftOutLocales, listLocales } from '../i18n/list-locales.js';
import { confirmTranslations, createLocale, pseudoTag, writePseudoLocale } from '../i18n/locale-scaffold.js';

type Maintain = (run: () => number | void) => void;

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export function registerLocalesCommands(program: Command, maintain: Maintain): void {
  const locales = program.command('locales').description('list, check and start translations (locales/<tag>/)');
  const dirOption = () => new Option('--dir <folder>', 'locales folder').default(defaultLocalesDir, 'the embedded locales/');

  locales
    .command('list')
    .description('the languages packets print in, with review status, and folders left out with why')
    .addOption(dirOption())
    .option('--json', 'print as JSON')
    .action((flags: { dir: string; json?: boolean }) =>
      maintain(() => {
        const catalogs = loadCatalogs(flags.dir);
        const loaded = listLocales(catalogs);
        const leftOut = listLeftOutLocales(catalogs);
        if (flags.json) out(JSON.stringify({ locales: loaded, leftOut }, null, 2));
        else for (const locale of loaded) {
          const review = locale.status === 'reviewed' ? `reviewed${locale.reviewedBy ? ` by ${locale.reviewedBy}` : ''}${locale.reviewedAt ? ` on ${locale.reviewedAt}` : ''}` : 'draft';
          out(`${locale.id.padEnd(8)} ${locale.name} (${locale.englishName}), ${locale.dir}, ${review}${locale.needsReview ? `, ${locale.needsReview} strings need review` : ''}`);
        }
        if (!flags.json) {
          for (const folder of leftOut) {
            out(`${folder.folder.padEnd(8)} LEFT OUT:`);
            for (const problem of folder.problems) out(`  ${problem}`);
          }
        }
        return leftOut.length ? 1 : 0;
      }),
    );

  locales
    .command('check')
    .description('compare locales with English: keys, placeholders, markup, plurals, fonts, fixed boxes, meta.json, source changes; exit 1 on errors')
    .argument('[tags...]', 'locale tags (default: every folder)')
    .addOption(dirOption())
    .option('--no-layout', 'skip laying out packets to find overflowing text (faster)')
    .option('--json', 'print the findings as JSON')
    .action((tags: string[], flags: { dir: string; layout: boolean; json?: boolean }) =>
      maintain(() => {
        const report = checkLocales({ localesDir: flags.dir, tags, isLayoutChecked: flags.layout });
        if (flags.json) out(JSON.stringify(report, null, 2));
        else {
          for (const finding of report.findings) out(formatFinding(finding));
          out(`${report.checked.join(', ')}: ${report.errors} errors, ${report.warnings} warnings`);
        }
        return report.errors ? 1 : 0;
      }),
    );

  locales
    .command('new')
    .description('start locales/<tag>/ from English, status draft')
    .argument('<tag>', 'BCP 47 tag, e.g. pt-BR, zh-Hant')
    .requiredOption('--name <name>', 'the language\'s name in itself, e.g. Português')
    .requiredOption('--english-name <name>', 'its name in English')
    .requiredOption('--script <code>', 'ISO 15924 script, e.g. Latn, Arab, Hant, Kore')
    .addOption(new Option('--dir-text <dir>', 'text direction').choices(['ltr', 'rtl']).default('ltr'))
    .addOption(dirOption())
    .action((tag: string, flags: { name: string; englishName: string; script: string; dirText: 'ltr' | 'rtl'; dir: string }) =>
      maintain(() => {
        const folder = createLocale(flags.dir, { tag, name: flags.name, englishName: flags.englishName, script: flags.script, dir: flags.dirText });
        out(`wrote ${folder}: translate packet.json, ui.json and errors.json, then run \`release-packet locales check ${tag}\``);
      }),
    );

  locales
    .command('pseudo')
    .description(`write the pseudo-locale ${pseudoTag} (accented, ~40% longer, bracketed) to find hard-coded text and overflow`)
    .option('--out <folder>', 'locales folder to write it into (default: the --dir folder)')
    .addOption(dirOption())
    .action((flags: { out?: string; dir: string }) =>
      maintain(() => {
        out(`wrote ${writePseudoLocale(flags.dir, flags.out ?? flags.dir)}`);
      }),
    );

  locales
    .command('confirm')
    .description('record today\'s English as the source of a locale\'s translations (after translating or reviewing them)')
    .argument('<tag>', 'locale tag')
    .option('--key <keys...>', 'only these keys, e.g. packet:card.door')
    .addOption(dirOption())
    .action((tag: string, flags: { key?: string[]; dir: string }) =>
      maintain(() => {
        out(`${tag}: ${confirmTranslations(flags.dir, tag, flags.key)} strings tracked against today's English`);
      }),
    );
}
