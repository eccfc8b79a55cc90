/** `release-packet locales list|check|new|pseudo|confirm`: the translators' tools for locales/<tag>/ (registered in locales-commands.ts). */
import { defaultLocalesDir, loadCatalogs } from '../i18n/catalogs.js';
import { checkLocales } from '../i18n/locale-check.js';
import { formatFinding } from '../i18n/locale-findings.js';
import { listLeftOutLocales, listLocales } from '../i18n/list-locales.js';
import { confirmTranslations, createLocale, writePseudoLocale } from '../i18n/locale-scaffold.js';

export interface LocalesFlags {
  /** The locales folder; the embedded locales/ (or RELEASE_PACKET_LOCALES_DIR) when absent. */
  dir?: string;
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const dirOf = (flags: LocalesFlags) => flags.dir ?? defaultLocalesDir;

/** Exit 1 when a folder was left out: an operator must not miss it. */
export function runLocalesList(flags: LocalesFlags & { json?: boolean }): number {
  const catalogs = loadCatalogs(dirOf(flags));
  const loaded = listLocales(catalogs);
  const leftOut = listLeftOutLocales(catalogs);
  if (flags.json) {
    out(JSON.stringify({ locales: loaded, leftOut }, null, 2));
  } else {
    for (const locale of loaded) {
      const review = locale.status === 'reviewed' ? `reviewed${locale.reviewedBy ? ` by ${locale.reviewedBy}` : ''}${locale.reviewedAt ? ` on ${locale.reviewedAt}` : ''}` : 'draft';
      out(`${locale.id.padEnd(8)} ${locale.name} (${locale.englishName}), ${locale.dir}, ${review}${locale.needsReview ? `, ${locale.needsReview} strings need review` : ''}`);
    }
    for (const folder of leftOut) {
      out(`${folder.folder.padEnd(8)} LEFT OUT:`);
      for (const problem of folder.problems) out(`  ${problem}`);
    }
  }
  return leftOut.length ? 1 : 0;
}

export function runLocalesCheck(tags: string[], flags: LocalesFlags & { layout: boolean; json?: boolean }): number {
  const report = checkLocales({ localesDir: dirOf(flags), tags, isLayoutChecked: flags.layout });
  if (flags.json) out(JSON.stringify(report, null, 2));
  else {
    for (const finding of report.findings) out(formatFinding(finding));
    out(`${report.checked.join(', ')}: ${report.errors} errors, ${report.warnings} warnings`);
  }
  return report.errors ? 1 : 0;
}

export function runLocalesNew(tag: string, flags: LocalesFlags & { name: string; englishName: string; script: string; dirText: 'ltr' | 'rtl' }): void {
  const folder = createLocale(dirOf(flags), { tag, name: flags.name, englishName: flags.englishName, script: flags.script, dir: flags.dirText });
  out(`wrote ${folder}: translate packet.json, ui.json and errors.json, then run \`release-packet locales check ${tag}\``);
}

export function runLocalesPseudo(flags: LocalesFlags & { out?: string; tag?: string }): void {
  out(`wrote ${writePseudoLocale(dirOf(flags), flags.out ?? dirOf(flags), flags.tag)}`);
}

export function runLocalesConfirm(tag: string, flags: LocalesFlags & { key?: string[] }): void {
  out(`${tag}: ${confirmTranslations(dirOf(flags), tag, flags.key)} strings tracked against today's English`);
}
