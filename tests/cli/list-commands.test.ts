/**
 * The operator's and translator's list commands, run in-process through main(): `counties` (what a request may
 * name), `locales list|check|new|pseudo|confirm` on a temporary locales folder, and what each says and exits
 * with when something is wrong. No packet is made here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { runCounties } from '../../src/cli/counties-command.js';
import { captureStdout, useCliSandbox } from '../support/cli-sandbox.js';
import { localesSandbox, type LocalesSandbox } from '../support/locale-folders.js';

const sandbox = useCliSandbox('release-packet-lists-');
let locales: LocalesSandbox | undefined;
afterEach(() => {
  locales?.remove();
  locales = undefined;
});


interface CountyRow {
  slug: string;
  name: string;
  network: string;
  legalProviders: number;
  publicDefender: boolean;
}

describe('release-packet counties', () => {
  it('prints one aligned line per county saying its network, its legal providers and whether a public defender is on file', async () => {
    const json = captureStdout();
    expect(await main(['counties', '--json'])).toBe(0);
    const { state, counties } = JSON.parse(json.text()) as { state: string; counties: CountyRow[] };
    expect(state).toBe('ca');
    // Exactly these fields: what an operator's script reads, nothing internal.
    for (const county of counties) expect(Object.keys(county).sort()).toEqual(['legalProviders', 'name', 'network', 'publicDefender', 'slug']);
    vi.restoreAllMocks();

    const text = captureStdout();
    expect(await main(['counties'])).toBe(0);
    const [title, ...lines] = text.text().trimEnd().split('\n');
    expect(title).toBe('California: 58 counties (give either the short name or the name)');
    const width = Math.max(...counties.map((county) => county.slug.length));
    expect(lines).toHaveLength(counties.length);
    counties.forEach((county, index) => {
      const line = lines[index]!;
      // The names start in one column, whatever the length of the short name.
      expect(line.slice(0, width + 2)).toBe(`${county.slug.padEnd(width)}  `);
      expect(line).toContain(`  ${county.name}  (`);
      expect(line).toContain(county.network === 'none' ? '(no rapid response network on file;' : `(network: ${county.network};`);
      expect(line).toContain(`legal providers: ${county.legalProviders}`);
      expect(line.endsWith(county.publicDefender ? '; public defender)' : `legal providers: ${county.legalProviders})`), line).toBe(true);
    });
    // Both kinds occur in California, so both wordings were read above.
    expect(counties.some((county) => county.network === 'none')).toBe(true);
    expect(counties.some((county) => county.publicDefender)).toBe(true);
    expect(counties.some((county) => !county.publicDefender)).toBe(true);
  });

  it('says so and exits 1 for a state it has no directory for', () => {
    expect(runCounties({ state: 'zz' })).toBe(1);
    expect(sandbox.stderr.join('')).toBe('release-packet: no directory for state zz\n');
  });
});

describe('release-packet locales list', () => {
  it('prints each language with its direction and review status, and exits 0 when none is left out', async () => {
    locales = localesSandbox(['en', 'es']);
    locales.addLocale('ar', { name: 'العربية', englishName: 'Arabic', dir: 'rtl', script: 'Arab', status: 'reviewed', reviewedBy: 'A. Reviewer' });
    locales.addLocale('fr', { name: 'Français', englishName: 'French', status: 'reviewed', reviewedAt: '2026-10-01' });
    const stdout = captureStdout();
    expect(await main(['locales', 'list', '--dir', locales.dir])).toBe(0);
    expect(stdout.text().split('\n')).toEqual([
      'en       English (English), ltr, reviewed by release-packet maintainers on 2026-11-27',
      'ar       العربية (Arabic), rtl, reviewed by A. Reviewer',
      'es       Español (Spanish), ltr, draft',
      'fr       Français (French), ltr, reviewed on 2026-10-01',
      '',
    ]);
  });

  it('counts the strings whose English changed since they were translated', async () => {
    locales = localesSandbox(['en', 'es']);
    const english = locales.readCatalog('en', 'ui') as Record<string, unknown>;
    const key = Object.keys(english).find((name) => typeof english[name] === 'string')!;
    locales.writeCatalog('en', 'ui', { ...english, [key]: `${english[key] as string} (changed)` });
    const stdout = captureStdout();
    expect(await main(['locales', 'list', '--dir', locales.dir])).toBe(0);
    expect(stdout.text()).toMatch(/^es {7}Español \(Spanish\), ltr, draft, 1 strings need review$/m);
  });

  it('names a folder left out with why, and exits 1 so an operator cannot miss it', async () => {
    locales = localesSandbox(['en', 'es']);
    locales.addLocale('pt-br', { name: 'Português (Brasil)', englishName: 'Portuguese (Brazil)' });
    const stdout = captureStdout();
    expect(await main(['locales', 'list', '--dir', locales.dir])).toBe(1);
    expect(stdout.text()).toContain('pt-br    LEFT OUT:\n  error pt-br/: folder left out: rename the folder to "pt-BR" [folder-name]\n');
    vi.restoreAllMocks();

    const json = captureStdout();
    expect(await main(['locales', 'list', '--json', '--dir', locales.dir])).toBe(1);
    const listed = JSON.parse(json.text()) as { locales: { id: string }[]; leftOut: { folder: string }[] };
    expect(listed.locales.map((locale) => locale.id)).toEqual(['en', 'es']);
    expect(listed.leftOut.map((folder) => folder.folder)).toEqual(['pt-br']);
  });
});

describe('release-packet locales check, new, pseudo, confirm', () => {
  it('reports a broken translation with its file and key and exits 1; a sound one exits 0', async () => {
    locales = localesSandbox(['en', 'es']);
    const stdout = captureStdout();
    expect(await main(['locales', 'check', 'en', 'es', '--no-layout', '--dir', locales.dir])).toBe(0);
    expect(stdout.text()).toMatch(/^en, es: 0 errors, \d+ warnings\n$/m);

    const packet = locales.readCatalog('es', 'packet') as { cover: Record<string, string> };
    delete packet.cover.title;
    locales.writeCatalog('es', 'packet', packet);
    vi.restoreAllMocks();
    const broken = captureStdout();
    expect(await main(['locales', 'check', 'es', '--no-layout', '--dir', locales.dir])).toBe(1);
    expect(broken.text()).toMatch(/^error es\/packet\.json.*packet:cover\.title/m);
    expect(broken.text()).toMatch(/^es: [1-9]\d* errors, \d+ warnings$/m);
    vi.restoreAllMocks();

    const json = captureStdout();
    expect(await main(['locales', 'check', 'es', '--no-layout', '--json', '--dir', locales.dir])).toBe(1);
    const report = JSON.parse(json.text()) as { checked: string[]; errors: number };
    expect(report.checked).toEqual(['es']);
    expect(report.errors).toBeGreaterThan(0);
  });

  it('starts a new locale from English as a draft, in the direction asked, and says what to do next', async () => {
    locales = localesSandbox(['en']);
    const stdout = captureStdout();
    expect(await main(['locales', 'new', 'fa', '--name', 'فارسی', '--english-name', 'Persian', '--script', 'Arab', '--dir-text', 'rtl', '--dir', locales.dir])).toBe(0);
    const folder = join(locales.dir, 'fa');
    expect(stdout.text()).toBe(`wrote ${folder}: translate packet.json, ui.json and errors.json, then run \`release-packet locales check fa\`\n`);
    expect(JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8'))).toMatchObject({ name: 'فارسی', englishName: 'Persian', script: 'Arab', dir: 'rtl', status: 'draft' });
    expect(await main(['locales', 'new', 'pt-BR', '--name', 'Português', '--english-name', 'Portuguese', '--script', 'Latn', '--dir', locales.dir])).toBe(0);
    expect(JSON.parse(readFileSync(join(locales.dir, 'pt-BR', 'meta.json'), 'utf8')).dir).toBe('ltr');
  });

  it('asks for the tag of the locale to start or confirm, with exit 1', async () => {
    locales = localesSandbox(['en']);
    expect(await main(['locales', 'new', '--name', 'Português', '--english-name', 'Portuguese', '--script', 'Latn', '--dir', locales.dir])).toBe(1);
    expect(await main(['locales', 'confirm', '--dir', locales.dir])).toBe(1);
    expect(sandbox.stderr.join('')).toBe("error: missing required argument 'tag'\nerror: missing required argument 'tag'\n");
  });

  it('refuses a tag that is not canonical, naming the one to use, with exit 1', async () => {
    locales = localesSandbox(['en']);
    expect(await main(['locales', 'new', 'pt-br', '--name', 'Português', '--english-name', 'Portuguese', '--script', 'Latn', '--dir', locales.dir])).toBe(1);
    expect(sandbox.stderr.join('')).toBe('release-packet: The command cannot be run as given: "pt-br" is not a canonical BCP 47 tag: use "pt-BR" (PKT_ERR_USAGE)\n');
    expect(existsSync(join(locales.dir, 'pt-br'))).toBe(false);
  });

  it('writes the pseudo-locale into --out under --tag, or beside English by default', async () => {
    locales = localesSandbox(['en']);
    const other = join(sandbox.folder, 'pseudo');
    const stdout = captureStdout();
    expect(await main(['locales', 'pseudo', '--dir', locales.dir, '--out', other, '--tag', 'en-XB'])).toBe(0);
    expect(stdout.text()).toBe(`wrote ${join(other, 'en-XB')}\n`);
    expect(existsSync(join(other, 'en-XB', 'meta.json'))).toBe(true);
    expect(await main(['locales', 'pseudo', '--dir', locales.dir])).toBe(0);
    expect(existsSync(join(locales.dir, 'en-XA', 'meta.json'))).toBe(true);
  });

  it('records today\'s English as the source of the keys asked for, and says how many', async () => {
    locales = localesSandbox(['en', 'es']);
    const stdout = captureStdout();
    expect(await main(['locales', 'confirm', 'es', '--key', 'packet:cover.title', 'ui:appName', '--dir', locales.dir])).toBe(0);
    const [count] = /^es: (\d+) strings tracked against today's English\n$/.exec(stdout.text())!.slice(1);
    const hashes = JSON.parse(readFileSync(join(locales.dir, 'es', 'source-hashes.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Number(count)).toBe(Object.values(hashes).reduce((sum, table) => sum + Object.keys(table).length, 0));
  });
});
