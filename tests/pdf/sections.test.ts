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
    // The mark names the draft language, and says so in Spanish and in English: both readers see which part is the draft,
    // each named as running text names it in that language (lowercase in Spanish, not "Español" mid-sentence).
    const marks = [
      es.document!.draftMark!.replace('{{language}}', 'español'),
      en.document!.draftMark!.replace('{{language}}', 'Spanish'),
    ];
    for (const text of spanishPages) for (const mark of marks) expect(text).toContain(mark);
    // Only pages that carry Spanish: the card backs (English only) carry none.
    for (const text of pages.filter((page) => !spanishPages.includes(page) && !spanishOnly.some((phrase) => page.includes(phrase)))) {
      if (!/[áéíóúñ¿¡]/.test(text)) for (const mark of marks) expect(text).not.toContain(mark);
    }
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
  it('says plainly when a county has no local network, then prints the nearest ones marked not local, not the state\'s list', async () => {
    const text = await textOf({ county: 'mendocino' });
    expect(text).toContain(en.rapid!.noneOnFile!.replace('{{county}}', 'Mendocino'));
    expect(text).toContain('NOT LOCAL to Mendocino County: serves Humboldt County, next to it');
    expect(text).toContain('(707) 282-5226');
    expect(text).toContain('(707) 800-4544');
    // San Francisco's and Los Angeles' networks are far from Mendocino: no longer printed as noise.
    expect(text).not.toContain('(415) 200-1548');
    expect(text).not.toContain('(888) 624-4752');
  });

  it('lists the release county\'s network before the destination county\'s', async () => {
    // After the cover, whose "call first" box names the destination's network.
    const whole = await textOf({ county: 'los-angeles', destinationCounty: 'sacramento' });
    const text = whole.slice(whole.indexOf('Rapid response hotlines /'));
    const losAngeles = text.indexOf('(888) 624-4752');
    const sacramento = text.indexOf('(916) 245-6773');
    expect(losAngeles).toBeGreaterThan(-1);
    expect(sacramento).toBeGreaterThan(losAngeles);
  });

  it('marks an unconfirmed number VERIFY with its source and the source\'s own date, never as confirmed', async () => {
    const text = await textOf({ county: 'san-diego' });
    expect(text).toContain('VERIFY / VERIFIQUE · listed by La Prensa San Diego, "Immigration Abuse Response Network Launches in San Diego", Dec 19, 2017');
    expect(text).not.toMatch(/confirmed [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  });

  it('prints the source of every entry, "undated" when it carries no date', async () => {
    const text = await textOf({ county: 'los-angeles' });
    expect(text).toMatch(/listed by [^,]+.*, undated/);
    expect(text).toMatch(/listed by .*, [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line that says where an entry's number comes from, in `lang`: "listed by …" or "confirmed … by phone". */
function sourceLine(lang: Catalog): RegExp {
  const directory = lang.directory as unknown as { listedBy: string; confirmedHow: Record<string, string> };
  const listed = escape(directory.listedBy.split('{{')[0]!);
  const confirmed = Object.values(directory.confirmedHow).map((phrase) => {
    const [before, after] = phrase.split(/\{\{date[^}]*\}\}/) as [string, string];
    return `${escape(before)}.{5,20}?${escape(after)}`;
  });
  return new RegExp(`(?:${[listed, ...confirmed].join('|')})`, 'g');
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/** Sections and the entries each prints, from the packet's own model. */
function entriesBySection(request: Record<string, unknown>) {
  const { model } = preparePacket(request, { today, engine: getEngine() });
  const { directory, sections } = model;
  return {
    'rapid-response': [...directory.releaseNetworks, ...directory.destinationNetworks, ...directory.nearbyNetworks, ...directory.statewideNetworks],
    'legal-providers': [...directory.legalProviders, ...directory.publicDefenders],
    'safe-release': directory.consulates,
    ...(sections.includes('staff-checklist') ? { 'staff-checklist': [...directory.releaseNetworks, ...directory.publicDefenders] } : {}),
  };
}

/** The text of each section of the HTML preview, by its data-section id. */
function previewSections(request: Record<string, unknown>): Record<string, string> {
  const html = generatePreview(request, { today, engine: getEngine() });
  const sections: Record<string, string> = {};
  for (const part of html.split('<section data-section="').slice(1)) {
    const id = part.slice(0, part.indexOf('"'));
    sections[id] = squash(part.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'"));
  }
  return sections;
}

/** The California entries as their files hold them, by id. */
const rawEntries = new Map(
  ['rapid-response', 'legal-providers', 'public-defenders', 'consulates'].flatMap((file) =>
    (JSON.parse(readFileSync(new URL(`../../assets/directory/ca/${file}.json`, import.meta.url), 'utf8')) as { entries: { id: string; source: { title: string; publishedOn?: string } }[] }).entries.map((entry) => [entry.id, entry] as const),
  ),
);

describe('entries that need checking', () => {
  it('marks VERIFY, in both languages, every entry whose source is undated, and says "undated"', async () => {
    let undatedSeen = 0;
    for (const request of [{ county: 'los-angeles', destinationCounty: 'santa-barbara' }, { county: 'fresno', language: 'es' }, { county: 'alameda' }]) {
      const [first, second] = request.language === 'es' ? [es, en] : [en, es];
      const sections = previewSections(request);
      for (const [id, entries] of Object.entries(entriesBySection(request))) {
        // Entries printed in full carry the mark; the staff page words it its own way.
        if (id === 'staff-checklist') continue;
        // Judged from the raw file: the source has no date of its own, and no one confirmed the line since.
        for (const entry of entries.filter((candidate) => !candidate.isConfirmed && !rawEntries.get(candidate.id)!.source.publishedOn)) {
          undatedSeen++;
          const undated = first.directory!.listedByUndated!.replace('{{source}}', rawEntries.get(entry.id)!.source.title);
          expect(sections[id], entry.id).toContain(`${first.directory!.verifyMark} / ${second.directory!.verifyMark} · ${undated}`);
        }
      }
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
      const expected = Object.fromEntries(Object.entries(entriesBySection(request)).map(([id, entries]) => [id, entries.length]));
      const sections = previewSections(request);
      const printed = Object.fromEntries(Object.keys(expected).map((id) => [id, count(sections[id] ?? '', sourceLine(lang))]));
      expect(printed).toEqual(expected);
      // The sections that list no entry print no source line either.
      for (const [id, text] of Object.entries(sections)) if (!(id in expected)) expect(count(text, sourceLine(lang)), id).toBe(0);
    });

    it(`keeps every source line in the PDF, as many as entries printed: ${label}`, async () => {
      const total = Object.values(entriesBySection(request)).reduce((sum, entries) => sum + entries.length, 0);
      expect(total).toBeGreaterThan(0);
      expect(count(await textOf(request), sourceLine(lang))).toBe(total);
    });
  }
});
