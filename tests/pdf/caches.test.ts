/**
 * The caches that make packets fast live as long as the process: each must stay bounded, dropping the
 * least recently used entry first, however many counties, languages and dates a busy office prints.
 */
import { describe, expect, it } from 'vitest';
import { SectionCache, defaultSectionCacheEntries } from '../../src/render/section-cache.js';
import type { Block, GroupBlock } from '../../src/render/document-tree.js';
import { PageStreamCache, defaultPageStreamEntries } from '../../src/pdf/page-stream-cache.js';
import { getEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { today } from '../support/packets.js';

describe('SectionCache', () => {
  it('keeps at most its limit of input sets, dropping the least recently used', () => {
    const cache = new SectionCache(3);
    const kept = new Map(['a', 'b', 'c'].map((key) => [key, cache.sectionsFor(key)]));
    cache.sectionsFor('a'); // a is now the most recently used; b the least
    cache.sectionsFor('d');
    expect(cache.size).toBe(3);
    expect(cache.sectionsFor('a')).toBe(kept.get('a'));
    expect(cache.sectionsFor('c')).toBe(kept.get('c'));
    // b was dropped: asking again starts an empty entry (and drops the next least used, d).
    expect(cache.sectionsFor('b')).not.toBe(kept.get('b'));
    expect(cache.size).toBe(3);
  });

  it('is bounded in the engine, too', () => {
    const engine = getEngine();
    engine.sectionCache.clear();
    for (let index = 0; index < defaultSectionCacheEntries + 20; index++) engine.sectionCache.sectionsFor(`inputs ${index}`);
    expect(engine.sectionCache.size).toBe(defaultSectionCacheEntries);
    engine.sectionCache.clear();
  });

  it('stays within its limit when real packets of more kinds than it holds are made', async () => {
    const engine = { ...getEngine(), sectionCache: new SectionCache(2, 50), pageStreams: new PageStreamCache(4) };
    for (const county of ['fresno', 'kern', 'alameda', 'los-angeles']) await generatePacket({ county }, { today, engine });
    expect(engine.sectionCache.size).toBe(2);
    expect(engine.sectionCache.internedSize).toBe(50);
    expect(engine.pageStreams.size).toBe(4);
  });

  it('keeps at most its limit of interned blocks, dropping the least recently used, and swaps equal blocks for the kept one', () => {
    const cache = new SectionCache(8, 3);
    const paragraph = (text: string, lang = 'es'): Block => ({ type: 'paragraph', lang, dir: 'auto', classes: [], inlines: [{ text, style: 'regular' }] });
    const [uno] = cache.internBlocks([paragraph('uno')]).blocks;
    const again = cache.internBlocks([paragraph('uno')]);
    expect(again.blocks[0]).toBe(uno);
    expect(again.memos[0]![0]).toBe(uno);
    // Same words, another language: another block (layout follows the language).
    expect(cache.internBlocks([paragraph('uno', 'en')]).blocks[0]).not.toBe(uno);
    // A new group keeps its children's kept objects: a county's section shares its unchanged paragraphs.
    const group: Block = { type: 'group', tag: 'section', lang: 'es', dir: 'auto', classes: [], children: [paragraph('uno'), paragraph('Condado de Kern')] };
    const interned = cache.internBlocks([group]);
    expect((interned.blocks[0] as GroupBlock).children[0]).toBe(uno);
    expect(interned.memos.map(([block]) => block)).toContain(uno);
    expect(cache.internedSize).toBe(3);
    // "uno" in English was the least recently used and was dropped.
    expect(cache.internBlocks([paragraph('uno', 'en')]).blocks[0]).not.toBe(uno);
    expect(cache.internedSize).toBe(3);
  });

  it('lays out once what two counties print the same: the second county adds only its own blocks', async () => {
    const engine = { ...getEngine(), sectionCache: new SectionCache(), pageStreams: new PageStreamCache() };
    await generatePacket({ county: 'fresno', language: 'es' }, { today, engine });
    const afterFirst = engine.sectionCache.internedSize;
    await generatePacket({ county: 'kern', language: 'es' }, { today, engine });
    const added = engine.sectionCache.internedSize - afterFirst;
    const kernAlone = { ...getEngine(), sectionCache: new SectionCache(), pageStreams: new PageStreamCache() };
    await generatePacket({ county: 'kern', language: 'es' }, { today, engine: kernAlone });
    // The blocks that name the county or list its services are new; the rights and the law are Fresno's.
    expect(added).toBeGreaterThan(0);
    expect(kernAlone.sectionCache.internedSize - added).toBeGreaterThanOrEqual(30);
  });
});

describe('PageStreamCache', () => {
  it('keeps at most its limit of page streams, dropping the least recently used, and deflates each once', () => {
    const cache = new PageStreamCache(2);
    let deflations = 0;
    const deflate = (content: string) => {
      deflations++;
      return new TextEncoder().encode(content);
    };
    const first = cache.deflated('page one', deflate);
    cache.deflated('page two', deflate);
    expect(cache.deflated('page one', deflate)).toBe(first);
    expect(deflations).toBe(2);
    cache.deflated('page three', deflate); // drops page two
    expect(cache.size).toBe(2);
    expect([...cache.contents()].sort()).toEqual(['page one', 'page three']);
    cache.deflated('page two', deflate);
    expect(deflations).toBe(4);
  });

  it('is bounded in the engine, too', () => {
    const engine = getEngine();
    engine.pageStreams.clear();
    for (let index = 0; index < defaultPageStreamEntries + 20; index++) engine.pageStreams.deflated(`page ${index}`, (content) => new TextEncoder().encode(content));
    expect(engine.pageStreams.size).toBe(defaultPageStreamEntries);
    engine.pageStreams.clear();
  });
});
