/**
 * Sections without personal data are rendered once from a model with the personal fields emptied and
 * shared between packets (src/render/render-sections.ts). These tests hold that shortcut to the packet
 * template: the same blocks as packet.hbs renders, the same bytes with the cache cold or warm.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { generatePacket, layoutPacket, preparePacket } from '../../src/generate.js';
import { parseBlocks } from '../../src/render/parse-blocks.js';
import { SectionCache } from '../../src/render/section-cache.js';
import { PageStreamCache } from '../../src/pdf/page-stream-cache.js';
import { today } from '../support/packets.js';

const engine = createEngine();

const everySection = {
  county: 'fresno',
  destinationCounty: 'los-angeles',
  language: 'es',
  youth: true,
  iceHold: { received: true, agencyWillComply: false, releaseInfoSharedWithIce: true },
  print: { staffChecklist: true },
};
const personalFields = {
  person: { name: 'Ana Pérez' },
  release: { date: '2026-12-01', location: 'Fresno County Jail' },
  contacts: [
    { role: 'attorney', name: 'Luis Ortega', phone: '(559) 555-0100' },
    { role: 'emergency', name: 'Rosa Pérez', phone: '(559) 555-0101' },
    { role: 'family', name: 'Juan Pérez' },
  ],
};

/** Every personal field at once, then each alone: a section that prints one it is not listed for shows up. */
const requests: Record<string, unknown>[] = [
  { ...everySection, ...personalFields },
  { ...everySection, person: personalFields.person },
  { ...everySection, release: personalFields.release },
  ...personalFields.contacts.map((contact) => ({ ...everySection, contacts: [contact] })),
  { ...everySection },
  { county: 'san-diego', print: { paper: 'a4', largePrint: true } },
];

describe('section cache', () => {
  it('gives the blocks and HTML packet.hbs renders from the whole model, for every personal field present or absent', () => {
    for (const request of requests) {
      // Twice: the first fills the cache, the second reads it.
      preparePacket(request, { today, engine });
      const { model, document } = preparePacket(request, { today, engine });
      const dirOf = (lang: string) => engine.catalogs.locales.get(lang)?.meta.dir ?? 'ltr';
      const whole = engine.templates.packet(model);
      expect(document.blocks).toEqual(parseBlocks(whole, model.primary.id, dirOf));
      // The HTML preview is the same document too, but for the whitespace between sections.
      const squashed = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><');
      expect(squashed(document.html)).toBe(squashed(whole));
    }
    expect(engine.sectionCache.size).toBeGreaterThan(0);
  });

  it('gives the same bytes from a cold cache as from a warm one', async () => {
    for (const request of requests) {
      const warm = await generatePacket(request, { today, engine });
      engine.sectionCache.clear();
      engine.pageStreams.clear();
      const cold = await generatePacket(request, { today, engine });
      expect(Buffer.from(cold).equals(Buffer.from(warm))).toBe(true);
    }
  });

  it('shares the children of a section that lists contacts, all but the contacts', () => {
    const request = { county: 'fresno', language: 'es', contacts: [{ role: 'family', name: 'Juan Pérez' }] };
    preparePacket(request, { today, engine });
    const { document } = preparePacket(request, { today, engine });
    const safeRelease = document.blocks.find((block) => block.type === 'group' && block.sectionId === 'safe-release');
    if (safeRelease?.type !== 'group') throw new Error('no safe-release section');
    expect(document.sharedBlocks.has(safeRelease)).toBe(false);
    const sharedChildren = safeRelease.children.filter((child) => document.sharedBlocks.has(child));
    expect(sharedChildren.length).toBeGreaterThan(0);
    expect(sharedChildren.length).toBeLessThan(safeRelease.children.length);
    expect(JSON.stringify(sharedChildren)).not.toContain('Juan');
  });

  it('marks a page shared only when nothing on it comes from a personal field', () => {
    const request = { county: 'fresno', language: 'es', person: { name: 'Ana' } };
    preparePacket(request, { today, engine });
    const pages = layoutPacket(preparePacket(request, { today, engine }), engine);
    expect(pages[0]!.isShared).toBe(false);
    expect(pages.slice(1).every((page) => page.isShared)).toBe(true);
    const withLawyer = layoutPacket(preparePacket({ ...request, contacts: [{ role: 'attorney', name: 'Luis' }] }, { today, engine }), engine);
    // The card front names the lawyer.
    expect(withLawyer.at(-2)!.isShared).toBe(false);
  });

  it('gives another county the same bytes whether the sections it shares with the first were parsed for it or reused', async () => {
    const warm = { ...engine, sectionCache: new SectionCache(), pageStreams: new PageStreamCache() };
    await generatePacket({ ...everySection, county: 'kern' }, { today, engine: warm });
    const reused = await generatePacket(everySection, { today, engine: warm });
    const cold = await generatePacket(everySection, { today, engine: { ...engine, sectionCache: undefined as never, pageStreams: undefined as never } });
    expect(Buffer.from(reused).equals(Buffer.from(cold))).toBe(true);
  });

  it('keys sections by their inputs: another county or printed date gets its own', async () => {
    engine.sectionCache.clear();
    await generatePacket({ county: 'fresno' }, { today, engine });
    await generatePacket({ county: 'fresno', person: { name: 'Ana' } }, { today, engine });
    expect(engine.sectionCache.size).toBe(1);
    await generatePacket({ county: 'los-angeles' }, { today, engine });
    await generatePacket({ county: 'fresno' }, { today: new Date('2027-06-01T00:00:00Z'), engine });
    expect(engine.sectionCache.size).toBe(3);
  });
});
