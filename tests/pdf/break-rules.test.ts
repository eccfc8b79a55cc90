/**
 * Break rules, over every page of many packets (every county in English and Spanish, Letter and A4,
 * normal and large print): no line breaks inside a citation or a phone number (with its hours and
 * mark); no list item, checklist item or sentence carrying a citation split across pages; no heading
 * left last on a page; table headers repeated on a continuation page; no page under a quarter full but
 * the last of a part and a deliberate blank (the pull-back itself: tests/pdf/paginate-pull-back.test.ts). Why: issue 8 found all of these in five packets read page by page.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import type { PageLayout, TextItem } from '../../src/layout/page-layout.js';
import { minimumFill } from '../../src/layout/paginate.js';
import { isBetweenCitations } from '../../src/render/parse-blocks.js';
import { today } from '../support/packets.js';

type Catalog = Record<string, Record<string, string>>;
const catalogs: Record<string, Catalog> = Object.fromEntries(
  ['en', 'es'].map((lng) => [lng, JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as Catalog]),
);
const plain = (text: string) => text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** Phone numbers, alone and with their "(24/7)" suffix: never broken over two lines. */
function phoneTexts(): string[] {
  const strings = new Set<string>();
  const always = Object.values(catalogs).map((catalog) => catalog.directory!.always24Short!);
  for (const entry of getEngine().directory.states.get('ca')!.entries) {
    for (const phone of entry.phones) {
      strings.add(phone.number);
      if (phone.is24Hours) for (const suffix of always) strings.add(`${phone.number} ${suffix}`);
    }
  }
  return [...strings].filter((text) => text.includes(' '));
}


interface Line {
  text: string;
  /** Whether its first and last runs are italic (a citation). */
  startsItalic: boolean;
  endsItalic: boolean;
  xPt: number;
  yPt: number;
  sizePt: number;
}

const widthOf = (item: TextItem) => item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm);

/** Lines as printed: runs on one baseline that touch each other (table cells stay apart). */
function linesOf(page: PageLayout): Line[] {
  const items = page.items.filter((item): item is TextItem => item.kind === 'text').sort((a, b) => b.yPt - a.yPt || a.xPt - b.xPt);
  const lines: (Line & { endPt: number })[] = [];
  for (const item of items) {
    const text = item.glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)).join('').replace(/\u00a0/g, ' ');
    const last = lines[lines.length - 1];
    const isItalic = item.face.style === 'italic';
    if (last && Math.abs(last.yPt - item.yPt) < 0.5 && Math.abs(last.endPt - item.xPt) < 1) {
      last.text += text;
      last.endPt = item.xPt + widthOf(item);
      if (text.trim()) last.endsItalic = isItalic;
    } else {
      lines.push({ text, xPt: item.xPt, yPt: item.yPt, sizePt: item.sizePt, endPt: item.xPt + widthOf(item), startsItalic: isItalic, endsItalic: isItalic });
    }
  }
  return lines;
}

/** A line and the one that continues it: the next line down starting at the same x. */
function lineBreaks(lines: Line[]): [Line, Line][] {
  return lines.flatMap((line) => {
    const next = lines.find((other) => Math.abs(other.xPt - line.xPt) < 0.5 && other.yPt < line.yPt && line.yPt - other.yPt < line.sizePt * 1.8);
    return next ? [[line, next] as [Line, Line]] : [];
  });
}

function pageText(page: PageLayout): string {
  return linesOf(page)
    .map((line) => line.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}

const counties = getEngine().directory.states.get('ca')!.counties.map((county) => county.slug);
const variants = (['letter', 'a4'] as const).flatMap((paper) => [false, true].map((largePrint) => ({ paper, largePrint })));

function packets(): { name: string; pages: PageLayout[] }[] {
  const engine = getEngine();
  return counties.flatMap((county) =>
    ['en', 'es'].flatMap((language) =>
      variants.map((print) => {
        const request = { county, language, youth: true, iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true }, print: { ...print, staffChecklist: true } };
        return { name: `${county} ${language} ${print.paper}${print.largePrint ? ' large' : ''}`, pages: layoutPacket(preparePacket(request, { today, engine }), engine) };
      }),
    ),
  );
}

describe('break rules', () => {
  const all = packets();
  const phones = phoneTexts();
  /** Sentences of the person's and staff's lists and legal lines, each with its citation when it has one. */
  const wholeTexts = Object.values(catalogs).flatMap((catalog) =>
    ['safeRelease', 'staff', 'iceHold', 'youth', 'rapid'].flatMap((section) =>
      Object.entries(catalog[section] ?? {})
        .filter(([key, value]) => !key.endsWith('Cite') && !value.includes('{{'))
        .map(([key, value]) => plain(`${value}${catalog[section]![`${key}Cite`] ? ` ${catalog[section]![`${key}Cite`]}` : ''}`)),
    ),
  );

  it(`lays out ${counties.length} counties x 2 languages x 4 papers and sizes`, () => {
    expect(all.length).toBe(counties.length * 8);
  });

  it('never breaks a line inside a citation, a phone number or its "(24/7) *"', () => {
    const problems: string[] = [];
    for (const { name, pages } of all) {
      pages.forEach((page, index) => {
        for (const [line, next] of lineBreaks(linesOf(page))) {
          const end = line.text.trimEnd();
          const start = next.text.trimStart();
          // The italic of a citation running on from one line to the next: only between two citations.
          if (line.endsItalic && next.startsItalic && !isBetweenCitations(end, start)) problems.push(`${name} p${index + 1}: citation "${end.slice(-30)} | ${start.slice(0, 30)}"`);
          const joined = `${end} ${start}`;
          for (const text of phones) {
            const at = joined.indexOf(text);
            if (at >= 0 && at < end.length && at + text.length > end.length + 1) problems.push(`${name} p${index + 1}: "${text}"`);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('keeps every list item, checklist item and sentence with its citation on one page', () => {
    const problems: string[] = [];
    for (const { name, pages } of all) {
      const texts = pages.map(pageText);
      const whole = texts.join(' ');
      for (const text of wholeTexts) {
        if (whole.includes(text) && !texts.some((page) => page.includes(text))) problems.push(`${name}: "${text.slice(0, 50)}…"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no heading last on a page', () => {
    const problems = all.flatMap(({ name, pages }) => pages.flatMap((page, index) => (page.fill?.endsWithHeading ? [`${name} p${index + 1}`] : [])));
    expect(problems).toEqual([]);
  });

  it('fills every page at least a quarter, but the last page of a part', () => {
    const problems = all.flatMap(({ name, pages }) =>
      pages.flatMap((page, index) => {
        const fill = page.fill;
        if (!fill || fill.endsPart || fill.usedPt >= minimumFill * fill.availablePt) return [];
        return [`${name} p${index + 1}: ${Math.round((100 * fill.usedPt) / fill.availablePt)}%`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('leaves a page unfilled only as a card sheet or as the deliberate blank back of a sheet', () => {
    const problems = all.flatMap(({ name, pages }) =>
      pages.flatMap((page, index) => {
        if (page.fill || page.furnitureSlots) return [];
        // A blank: the back of a sheet (an even page), shared (the catalog's note alone), before what starts a sheet of its own.
        const next = pages[index + 1];
        const isDeliberate = index % 2 === 1 && page.isShared && (next?.furnitureSlots !== undefined || next?.isStaffOnly === true);
        return isDeliberate ? [] : [`${name} p${index + 1}`];
      }),
    );
    expect(problems).toEqual([]);
  });
});
