import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPages, extractText, squash } from '../support/poppler.js';
import { packetFor, today } from '../support/packets.js';
import { generatePacket, generatePreview, preparePacket } from '../../src/generate.js';
import { createEngine, getEngine } from '../../src/engine.js';

type Catalog = Record<string, Record<string, string>>;
const catalog = (lng: string): Catalog => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8'));
const en = catalog('en');
const es = catalog('es');

async function textOf(request: Record<string, unknown>): Promise<string> {
  return squash(extractText(await packetFor(request)));
}

describe('packet sections', () => {
  it('always prints the cover, hotlines, legal help, release checklist and cards, in both languages', async () => {
    const text = await textOf({ county: 'los-angeles', language: 'es' });
    for (const lang of [en, es]) {
      expect(text).toContain(lang.cover!.title);
      expect(text).toContain(lang.rapid!.title);
      expect(text).toContain(lang.legal!.title);
      expect(text).toContain(lang.safeRelease!.title);
    }
    expect(text).toContain(es.card!.frontTitle);
    expect(text).toContain(en.card!.backTitle);
  });

  it('puts the person\'s language first and English second', async () => {
    const text = await textOf({ county: 'fresno', language: 'es' });
    expect(text.indexOf(es.cover!.intro!)).toBeLessThan(text.indexOf(en.cover!.intro!));
  });

  it('pairs an English packet with Spanish', async () => {
    const text = await textOf({ county: 'fresno' });
    expect(text).toContain(en.cover!.intro);
    expect(text).toContain(es.cover!.intro);
  });

  it('prints the detainer rights with their citations only when an ICE hold was received', async () => {
    const without = await textOf({ county: 'fresno', language: 'es' });
    const withHold = await textOf({ county: 'fresno', language: 'es', iceHold: { received: true } });
    expect(without).not.toContain(en.iceHold!.title);
    expect(withHold).toContain(en.iceHold!.title);
    expect(withHold).toContain(es.iceHold!.title);
    expect(withHold).toContain('Cal. Gov. Code § 7283.1(b)');
    expect(withHold).toContain('Cal. Gov. Code § 7284.6(a)(1)(B)');
  });

  it('says whether the agency meant to comply with the hold', async () => {
    const text = await textOf({ county: 'fresno', iceHold: { received: true, agencyWillComply: false } });
    expect(text).toContain(en.iceHold!.agencyWillNotComply);
    expect(text).not.toContain(en.iceHold!.agencyWillComply);
  });

  it('prints juvenile confidentiality only for a young person', async () => {
    const adult = await textOf({ county: 'fresno' });
    const youth = await textOf({ county: 'fresno', youth: true });
    expect(adult).not.toContain(en.youth!.title);
    expect(youth).toContain(en.youth!.title);
    expect(youth).toContain('Cal. Welf. & Inst. Code § 831(a)');
  });

  it('prints juvenile confidentiality in the person\'s language too, with its citations', async () => {
    const youth = await textOf({ county: 'fresno', language: 'es', youth: true });
    for (const key of ['title', 'recordsConfidentialCite', 'noSharingWithoutOrderCite', 'whoMaySeeCite']) {
      expect(youth).toContain(squash(es.youth![key]!));
      expect(youth).toContain(squash(en.youth![key]!));
    }
    expect(youth.indexOf(es.youth!.title!)).toBeLessThan(youth.indexOf(en.youth!.title!));
  });

  it('marks every page that carries the draft Spanish, also when Spanish is the second language', async () => {
    const pages = extractPages(await packetFor({ county: 'fresno', language: 'en', youth: true, iceHold: { received: true } })).map(squash);
    // Phrases only the Spanish catalog prints: a page holding one carries Spanish text.
    const spanishOnly = [es.cover!.intro!, es.rapid!.intro!, es.legal!.intro!, es.safeRelease!.title!, es.iceHold!.title!, es.youth!.title!].map(squash);
    const spanishPages = pages.filter((text) => spanishOnly.some((phrase) => text.includes(phrase)));
    expect(spanishPages.length).toBeGreaterThanOrEqual(4);
    for (const text of spanishPages) expect(text).toContain(es.document!.draftMark);
    expect(pages.join('\f')).not.toContain(en.document!.draftMark);
  });

  it('puts the second language the request names second, instead of the default', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'release-packet-locales-'));
    try {
      // A third locale for the test: English words, each marked, so its text cannot pass for the default's.
      for (const id of ['en', 'es']) cpSync(new URL(`../../locales/${id}`, import.meta.url), join(folder, id), { recursive: true });
      cpSync(join(folder, 'en'), join(folder, 'fr'), { recursive: true });
      const marked = JSON.parse(readFileSync(join(folder, 'fr', 'packet.json'), 'utf8'), (_key, value: unknown) => (typeof value === 'string' ? `[fr] ${value}` : value)) as Catalog;
      writeFileSync(join(folder, 'fr', 'packet.json'), JSON.stringify(marked));
      const meta = JSON.parse(readFileSync(join(folder, 'fr', 'meta.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(folder, 'fr', 'meta.json'), JSON.stringify({ ...meta, name: 'Français', englishName: 'French' }));
      const engine = createEngine({ localesDir: folder });
      const text = squash(extractText(await generatePacket({ county: 'fresno', language: 'es', secondLanguage: 'fr' }, { today, engine })));
      expect(text).toContain(squash(marked.cover!.intro!));
      expect(text).toContain(es.cover!.intro);
      // The marked copy contains the English words: take it out, and no unmarked English intro is left.
      expect(text.replaceAll(squash(marked.cover!.intro!), '')).not.toContain(en.cover!.intro);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints the staff checklist only when asked, marked as not for the person', async () => {
    const plain = await textOf({ county: 'fresno' });
    const staff = await textOf({ county: 'fresno', print: { staffChecklist: true } });
    expect(plain).not.toContain(en.document!.staffOnly);
    expect(staff).toContain(en.document!.staffOnly);
    expect(staff).toContain('Staff checklist at release, Fresno County');
  });

  it('says the packet is information, not legal advice, with the printed date', async () => {
    const text = await textOf({ county: 'fresno' });
    expect(text).toContain(en.cover!.notLegalAdvice);
    expect(text).toContain('Printed on November 27, 2026.');
  });

  it('prints the release date in each language', async () => {
    const text = await textOf({ county: 'fresno', language: 'es', release: { date: '2026-12-01' } });
    expect(text).toContain('1 de diciembre de 2026');
    expect(text).toContain('December 1, 2026');
  });
});

describe('directory in the packet', () => {
  it('says plainly when a county has no local network and still lists the state\'s networks', async () => {
    const text = await textOf({ county: 'humboldt' });
    expect(text).toContain('No rapid response network for Humboldt County is on file.');
    expect(text).toContain('(415) 200-1548');
    expect(text).toContain('(888) 624-4752');
  });

  it('lists the release county\'s network before the destination county\'s', async () => {
    const text = await textOf({ county: 'los-angeles', destinationCounty: 'sacramento' });
    const losAngeles = text.indexOf('(888) 624-4752');
    const sacramento = text.indexOf('(916) 245-6773');
    expect(losAngeles).toBeGreaterThan(-1);
    expect(sacramento).toBeGreaterThan(losAngeles);
  });

  it('marks an old number VERIFY with the date it was last confirmed', async () => {
    const text = await textOf({ county: 'san-diego' });
    expect(text).toContain('VERIFY THIS NUMBER: last confirmed Dec 19, 2017');
  });
});

/** A source line in `lang`: the catalog's words up to the date, then the date and its closing "):". */
function sourceLine(lang: Catalog): RegExp {
  const lead = (key: string) => lang.directory![key]!.split('{{')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:${lead('source')}|${lead('sourceUndated')})[^)]*\\):`, 'g');
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/** Sections and how many directory entries each prints, from the packet's own model. */
function entriesBySection(request: Record<string, unknown>): Record<string, number> {
  const { model } = preparePacket(request, { today, engine: getEngine() });
  const { directory, sections } = model;
  return {
    'rapid-response': directory.releaseNetworks.length + directory.destinationNetworks.length,
    'rapid-response-state': directory.stateNetworks.length,
    'legal-providers': directory.legalProviders.length,
    'safe-release': directory.consulates.length,
    ...(sections.includes('staff-checklist') ? { 'staff-checklist': directory.releaseNetworks.length + directory.publicDefenders.length } : {}),
  };
}

/** The text of each section of the HTML preview, by its data-section id. */
function previewSections(request: Record<string, unknown>): Record<string, string> {
  const html = generatePreview(request, { today, engine: getEngine() });
  const sections: Record<string, string> = {};
  for (const part of html.split('<section data-section="').slice(1)) {
    const id = part.slice(0, part.indexOf('"'));
    sections[id] = squash(part.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
  }
  return sections;
}

/** The California entries as their files hold them, by id. */
const rawEntries = new Map(
  ['rapid-response', 'legal-providers', 'public-defenders', 'consulates'].flatMap((file) =>
    (JSON.parse(readFileSync(new URL(`../../assets/directory/ca/${file}.json`, import.meta.url), 'utf8')) as { entries: { id: string; verifiedOn: string; source: { dating?: string } }[] }).entries.map((entry) => [entry.id, entry] as const),
  ),
);

describe('entries that need checking', () => {
  it('marks VERIFY every entry whose source is undated, in both languages, and no other', async () => {
    let undatedSeen = 0;
    for (const request of [{ county: 'los-angeles', destinationCounty: 'santa-barbara' }, { county: 'fresno', language: 'es' }, { county: 'alameda' }]) {
      const { model } = preparePacket(request, { today, engine: getEngine() });
      const { releaseNetworks, destinationNetworks, legalProviders, consulates } = model.directory;
      // Entries printed in full (the statewide table marks them with a star instead).
      const printed = [...releaseNetworks, ...destinationNetworks, ...legalProviders, ...consulates];
      // Judged from the raw files, not from the model's flags: undated, and not old enough to be marked stale instead.
      const undated = printed.filter((entry) => rawEntries.get(entry.id)!.source.dating === 'undated' && rawEntries.get(entry.id)!.verifiedOn >= '2025-11-27').length;
      undatedSeen += undated;
      const text = await textOf(request);
      expect(count(text, new RegExp(en.directory!.verifyUndated!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')), JSON.stringify(request)).toBe(undated);
      expect(count(text, new RegExp(es.directory!.verifyUndated!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')), JSON.stringify(request)).toBe(undated);
    }
    expect(undatedSeen).toBeGreaterThan(0);
  });
});

describe('sources of directory entries', () => {
  const requests: Record<string, unknown>[] = [
    { county: 'los-angeles', destinationCounty: 'sacramento', print: { staffChecklist: true } },
    { county: 'humboldt', language: 'es', print: { staffChecklist: true } },
    { county: 'san-diego', youth: true },
    { county: 'fresno', language: 'es', destinationCounty: 'los-angeles', print: { staffChecklist: true } },
  ];

  for (const request of requests) {
    const label = `${String(request.county)} (${String(request.language ?? 'en')})`;
    const lang = request.language === 'es' ? es : en;

    it(`prints one source line per entry in every section that lists entries: ${label}`, () => {
      const expected = entriesBySection(request);
      const sections = previewSections(request);
      const printed = Object.fromEntries(Object.keys(expected).map((id) => [id, count(sections[id] ?? '', sourceLine(lang))]));
      expect(printed).toEqual(expected);
      // The sections that list no entry print no source line either.
      for (const [id, text] of Object.entries(sections)) if (!(id in expected)) expect(count(text, sourceLine(lang)), id).toBe(0);
    });

    it(`keeps every source line in the PDF, as many as entries printed: ${label}`, async () => {
      const total = Object.values(entriesBySection(request)).reduce((sum, entries) => sum + entries, 0);
      expect(total).toBeGreaterThan(0);
      expect(count(await textOf(request), sourceLine(lang))).toBe(total);
    });
  }
});
