/**
 * The caches that make packets fast live as long as the process: each must stay bounded, dropping the
 * least recently used entry first, however many counties, languages and dates a busy office prints.
 */
import { describe, expect, it } from 'vitest';
import { SectionCache, defaultSectionCacheEntries } from '../../src/render/section-cache.js';
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
    const engine = { ...getEngine(), sectionCache: new SectionCache(2), pageStreams: new PageStreamCache(4) };
    for (const county of ['fresno', 'kern', 'alameda', 'los-angeles']) await generatePacket({ county }, { today, engine });
    expect(engine.sectionCache.size).toBe(2);
    expect(engine.pageStreams.size).toBe(4);
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
