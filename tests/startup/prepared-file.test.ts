/**
 * The prepared startup file: a CLI process loads shaped words, font programs and precompiled templates from
 * it instead of computing them. It must never change a byte of what prints, and a file that no longer
 * matches its inputs (a catalog edited after the build) or that was damaged must never be used.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, getEngine } from '../../src/engine.js';
import { generatePacket, generatePreview } from '../../src/generate.js';
import { today } from '../support/packets.js';

let folder = '';
let localesDir = '';
let preparedFile = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'release-packet-prepared-'));
  localesDir = join(folder, 'locales');
  cpSync(new URL('../../locales', import.meta.url), localesDir, { recursive: true });
  preparedFile = join(folder, 'startup.prepared');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const request = { county: 'los-angeles', language: 'es', iceHold: { received: true }, youth: true, print: { staffChecklist: true } };

describe('prepared startup file', () => {
  it('is written by the first engine that finds none, and loaded by the next', () => {
    expect(createEngine({ localesDir, preparedFile }).startupSource).toBe('computed');
    expect(existsSync(preparedFile)).toBe(true);
    expect(createEngine({ localesDir, preparedFile }).startupSource).toBe('prepared');
  });

  it('gives the same PDF bytes and the same preview as an engine that computed everything', async () => {
    const fromFile = createEngine({ localesDir, preparedFile });
    expect(fromFile.startupSource).toBe('prepared');
    const computed = getEngine();
    for (const input of [request, { county: 'fresno', language: 'en', print: { paper: 'a4', largePrint: true } }]) {
      const [a, b] = await Promise.all([generatePacket(input, { today, engine: fromFile }), generatePacket(input, { today, engine: computed })]);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(generatePreview(input, { today, engine: fromFile })).toBe(generatePreview(input, { today, engine: computed }));
    }
  });

  it('carries the validated directory, equal to one loaded and validated from the files', () => {
    expect(createEngine({ localesDir, preparedFile }).directory).toEqual(getEngine().directory);
  });

  it('carries the checked catalogs: same languages, texts, review status and findings; lines still found', () => {
    const fromFile = createEngine({ localesDir, preparedFile });
    const computed = createEngine({ localesDir });
    expect([...fromFile.catalogs.locales.keys()]).toEqual([...computed.catalogs.locales.keys()]);
    expect(fromFile.catalogs.findings).toEqual(computed.catalogs.findings);
    for (const [id, locale] of computed.catalogs.locales) {
      const stored = fromFile.catalogs.locales.get(id)!;
      expect({ ...stored }).toEqual({ ...locale, files: undefined });
      // The files are read again only when a finding asks for a key's line.
      expect(stored.files.packet!.lineOf(['card', 'frontTitle'])).toBe(locale.files.packet!.lineOf(['card', 'frontTitle']));
      expect(fromFile.catalogs.fixedT(id)('packet:card.frontTitle')).toBe(computed.catalogs.fixedT(id)('packet:card.frontTitle'));
    }
  });

  it('is still used when a file only looks changed (new modification time, same bytes: a fresh copy)', () => {
    const catalogPath = join(localesDir, 'es', 'ui.json');
    const later = new Date(Date.now() + 60_000);
    utimesSync(catalogPath, later, later);
    const before = readFileSync(preparedFile);
    expect(createEngine({ localesDir, preparedFile }).startupSource).toBe('prepared');
    expect(readFileSync(preparedFile).equals(before)).toBe(true);
  });

  it('is ignored and rebuilt when a catalog changes, and the new wording prints', async () => {
    const catalogPath = join(localesDir, 'es', 'packet.json');
    const catalog = readFileSync(catalogPath, 'utf8');
    const before = readFileSync(preparedFile);
    // A word no catalog had: its glyphs must come from a rebuilt file, not the stale one.
    writeFileSync(catalogPath, catalog.replace(/"([^"]*)"(\s*[,}])/, '"$1 Xylofón"$2'));
    const rebuilt = createEngine({ localesDir, preparedFile });
    expect(rebuilt.startupSource).toBe('computed');
    expect(readFileSync(preparedFile).equals(before)).toBe(false);
    const reloaded = createEngine({ localesDir, preparedFile });
    expect(reloaded.startupSource).toBe('prepared');
    // Face 0 is the regular Latin face: the new word was shaped into the rebuilt file.
    expect(rebuilt.frozenShapes.get('0>Xylofón')).toBeDefined();
    expect(reloaded.frozenShapes.get('0>Xylofón')).toEqual(rebuilt.frozenShapes.get('0>Xylofón'));
  });

  it('is never used when damaged: one flipped byte and the engine computes instead', () => {
    const bytes = readFileSync(preparedFile);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(preparedFile, bytes);
    expect(createEngine({ localesDir, preparedFile }).startupSource).toBe('computed');
    writeFileSync(preparedFile, bytes.subarray(0, 10));
    expect(createEngine({ localesDir, preparedFile }).startupSource).toBe('computed');
  });
});
