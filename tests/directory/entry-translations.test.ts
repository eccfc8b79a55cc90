/**
 * Directory text in Spanish: a service's name or description and a line's hours printed in English in a
 * Spanish packet (issue 8). Spanish is a complete locale, so every entry that prints either has its Spanish
 * on file; a translation of an entry or number that no longer exists stops the service from starting.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDirectory, loadStateDirectory } from '../../src/directory/load-directory.js';
import { extractText, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';
import { projectPath } from '../../src/project-paths.js';

const california = getDirectory().states.get('ca')!;
const spanish = california.translations.get('es')!;

describe('directory text in Spanish', () => {
  it('has a Spanish service name for every California entry', () => {
    const missing = california.entries.filter((entry) => !spanish.get(entry.id)?.serviceName).map((entry) => entry.id);
    expect(missing).toEqual([]);
  });

  it('has Spanish hours for every line whose hours print (lines open 24/7 print a translated label instead)', () => {
    const missing = california.entries.flatMap((entry) =>
      entry.phones.filter((phone) => phone.hours && !phone.is24Hours && !spanish.get(entry.id)?.hours.get(phone.number)).map((phone) => `${entry.id} ${phone.number}`),
    );
    expect(missing).toEqual([]);
  });

  it('prints the Spanish and the English of a service and its hours in a Spanish packet', async () => {
    const text = squash(extractText(await packetFor({ county: 'los-angeles', language: 'es' })));
    expect(text).toContain('Protección consular y documentos (segundo número: emergencias) / Consular protection and documents (second number: emergencies)');
    expect(text).toContain('lunes a viernes, de 8:30 a. m. a 5:30 p. m. / Monday-Friday, 8:30AM-5:30PM');
    expect(text).not.toContain('(24/7)');
  });

  it('prints a proper name once when its Spanish reads the same', async () => {
    const text = squash(extractText(await packetFor({ county: 'los-angeles', language: 'es' })));
    expect(text).toContain('Esperanza Immigrant Rights Project');
    expect(text).not.toContain('Esperanza Immigrant Rights Project / Esperanza Immigrant Rights Project');
  });
});

describe('directory translations on file', () => {
  function stateWith(translation: unknown): string {
    const folder = mkdtempSync(join(tmpdir(), 'release-packet-translations-'));
    cpSync(projectPath('tests', 'fixtures', 'directory', 'zz'), folder, { recursive: true });
    mkdirSync(join(folder, 'translations'), { recursive: true });
    writeFileSync(join(folder, 'translations', 'es.json'), JSON.stringify(translation));
    return folder;
  }

  it('refuses a translation of an entry the directory does not have', () => {
    const folder = stateWith({ language: 'es', entries: { 'no-such-entry': { serviceName: 'Algo' } } });
    try {
      expect(() => loadStateDirectory(folder)).toThrow(/no-such-entry: no directory entry has this id/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a file named for another language', () => {
    const folder = stateWith({ language: 'vi', entries: {} });
    try {
      expect(() => loadStateDirectory(folder)).toThrow(/must be vi\.json/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
