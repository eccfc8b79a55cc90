/**
 * A locale is a folder. Why this test: one broken locale file used to make every packet in every language
 * fail (exit 1, empty stderr) and the server crash at startup; a folder named pt-br was ignored without a
 * word; a missing key fell back to English silently. Now each is reported by file, line and key, the
 * locale is left out, and the others keep working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/i18n/catalogs.js';
import { listLeftOutLocales, listLocales } from '../../src/i18n/list-locales.js';
import { createEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { localesSandbox, type LocalesSandbox } from '../support/locale-folders.js';
import { today } from '../support/packets.js';

let sandbox: LocalesSandbox;
afterEach(() => sandbox?.remove());

const frenchMeta = { name: 'Français', englishName: 'French', dir: 'ltr', script: 'Latn', status: 'draft' };

describe('loadCatalogs', () => {
  it('lists a folder added with no code change, with its review status', () => {
    sandbox = localesSandbox();
    sandbox.addLocale('fr', frenchMeta);
    const ids = listLocales(loadCatalogs(sandbox.dir)).map((locale) => `${locale.id}:${locale.status}`);
    expect(ids).toEqual(['en:reviewed', 'es:draft', 'fr:draft']);
  });

  it('leaves out a locale whose JSON is broken, naming file and line, and keeps the others', () => {
    sandbox = localesSandbox();
    sandbox.addLocale('fr', frenchMeta);
    sandbox.writeFile('fr/ui.json', '{\n  "appName": "Dossier de sortie",\n}\n');
    const catalogs = loadCatalogs(sandbox.dir);
    expect([...catalogs.locales.keys()]).toEqual(['en', 'es']);
    expect(listLeftOutLocales(catalogs)).toEqual([{ folder: 'fr', problems: [expect.stringMatching(/^error fr\/ui\.json:3: not valid JSON/)] }]);
  });

  it('leaves out a locale with an invalid meta.json, naming the field and its line', () => {
    sandbox = localesSandbox();
    sandbox.addLocale('fr', { ...frenchMeta, status: 'finished' });
    const problems = listLeftOutLocales(loadCatalogs(sandbox.dir))[0]?.problems;
    expect(problems).toEqual([expect.stringMatching(/^error fr\/meta\.json:\d+ status: .*\[meta-invalid\]$/)]);
  });

  it('reports a folder whose name is not a canonical tag, and says what to rename it to', () => {
    sandbox = localesSandbox();
    sandbox.addLocale('pt-br', { name: 'Português (Brasil)', englishName: 'Portuguese (Brazil)' });
    const catalogs = loadCatalogs(sandbox.dir);
    expect(catalogs.has('pt-br')).toBe(false);
    expect(listLeftOutLocales(catalogs)).toEqual([{ folder: 'pt-br', problems: ['error pt-br/: folder left out: rename the folder to "pt-BR" [folder-name]'] }]);
  });

  it('leaves out a locale with a missing key instead of printing English in its place', () => {
    sandbox = localesSandbox();
    const packet = sandbox.readCatalog('es', 'packet') as { cover: Record<string, string> };
    delete packet.cover.title;
    sandbox.writeCatalog('es', 'packet', packet);
    const catalogs = loadCatalogs(sandbox.dir);
    expect(catalogs.has('es')).toBe(false);
    // The line is the one of the object the key belongs in ("cover": {), where the translator adds it.
    const coverLine = readFileSync(join(sandbox.dir, 'es', 'packet.json'), 'utf8').split('\n').findIndex((line) => line.includes('"cover"')) + 1;
    expect(catalogs.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line} ${finding.key} ${finding.code}`)).toEqual([
      `es/packet.json:${coverLine} packet:cover.title key-missing`,
    ]);
  });

  it('never answers a key with English for another language', () => {
    sandbox = localesSandbox();
    const catalogs = loadCatalogs(sandbox.dir);
    expect(catalogs.fixedT('es')('packet:cover.noSuchKey')).toBe('cover.noSuchKey');
  });
});

describe('an engine over a locales folder with a broken language', () => {
  it('prints packets in the other languages and leaves out text no bundled font can draw', async () => {
    sandbox = localesSandbox();
    sandbox.writeFile('bad/meta.json', '{');
    sandbox.addLocale('km', { name: 'ខ្មែរ', englishName: 'Khmer', script: 'Khmr' });
    const engine = createEngine({ localesDir: sandbox.dir });
    expect([...engine.catalogs.locales.keys()]).toEqual(['en', 'es']);
    const leftOut = listLeftOutLocales(engine.catalogs);
    expect(leftOut.map((locale) => locale.folder)).toEqual(['bad', 'km']);
    expect(leftOut[1]!.problems).toEqual([
      expect.stringMatching(/^error km\/meta\.json script: no bundled font is listed for script Khmr/),
      expect.stringMatching(/^error km\/meta\.json name: no bundled font draws U\+1781/),
    ]);
    const bytes = await generatePacket({ language: 'es', county: 'fresno' }, { engine, today });
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});
