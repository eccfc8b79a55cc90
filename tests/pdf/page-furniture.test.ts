/**
 * Page furniture: the person's "page 1 of N" counts the person's pages only; staff pages are numbered
 * apart, start on a sheet of their own and put the staff's language first; banners never crowd the body.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import type { PageLayout, TextItem } from '../../src/layout/page-layout.js';
import { extractPages, squash } from '../support/poppler.js';
import { packetFor, today } from '../support/packets.js';

type Catalog = Record<string, Record<string, string>>;
const catalog = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as Catalog;
const en = catalog('en');
const es = catalog('es');

function layoutFor(request: Record<string, unknown>): PageLayout[] {
  const engine = getEngine();
  return layoutPacket(preparePacket(request, { today, engine }), engine);
}

const staffRequest = { county: 'modoc', language: 'es', person: { name: '张伟' }, iceHold: { received: true }, print: { staffChecklist: true } };

describe('page numbers and staff pages', () => {
  it("numbers the person's pages among themselves and the staff pages apart", async () => {
    const pages = layoutFor(staffRequest);
    const personCount = pages.filter((page) => !page.isStaffOnly).length;
    const staffCount = pages.length - personCount;
    expect(staffCount).toBeGreaterThan(0);
    const texts = extractPages(await packetFor(staffRequest)).map(squash);
    let person = 0;
    let staff = 0;
    texts.forEach((text, index) => {
      if (pages[index]!.isStaffOnly) {
        staff++;
        const english = en.document!.staffFooter!.replace('{{page}}', String(staff)).replace('{{pages}}', String(staffCount));
        const spanish = es.document!.staffFooter!.replace('{{page}}', String(staff)).replace('{{pages}}', String(staffCount));
        expect(text).toContain(english);
        expect(text).toContain(spanish);
        // Staff read English first unless told otherwise.
        expect(text.indexOf(english)).toBeLessThan(text.indexOf(spanish));
      } else {
        person++;
        expect(text).toContain(es.document!.footer!.replace('{{page}}', String(person)).replace('{{pages}}', String(personCount)).split(' · ')[0]);
      }
    });
  });

  it('starts the staff pages on a sheet of their own (an odd page)', () => {
    for (const request of [staffRequest, { county: 'fresno', print: { staffChecklist: true } }, { county: 'los-angeles', youth: true, iceHold: { received: true }, print: { staffChecklist: true, cardLayout: 'fold' } }]) {
      const pages = layoutFor(request);
      const first = pages.findIndex((page) => page.isStaffOnly);
      expect(first % 2).toBe(0);
      expect(pages.slice(first).every((page) => page.isStaffOnly)).toBe(true);
    }
  });

  it("puts the staff's language first when the request names one", async () => {
    const texts = extractPages(await packetFor({ ...staffRequest, language: 'en', print: { staffChecklist: true, staffLanguage: 'es' } })).map(squash);
    const staffPage = texts.find((text) => text.includes(es.document!.staffOnly!))!;
    expect(staffPage.indexOf(es.document!.staffOnly!)).toBeLessThan(staffPage.indexOf(en.document!.staffOnly!));
  });

  it('keeps banners clear of the body on every page, staff pages with three banner lines included', () => {
    for (const paper of ['letter', 'a4']) {
      for (const largePrint of [false, true]) {
        const pages = layoutFor({ ...staffRequest, print: { staffChecklist: true, paper, largePrint } });
        pages.forEach((page, index) => {
          const texts = page.items.filter((item): item is TextItem => item.kind === 'text');
          const body = texts.filter((item) => !item.isFine);
          if (body.length === 0) return;
          const bodyTop = Math.max(...body.map((item) => item.yPt + item.sizePt));
          const banners = texts.filter((item) => item.isFine && item.yPt > bodyTop);
          for (const banner of banners) expect(banner.yPt - banner.sizePt * 0.3, `${paper} ${largePrint} page ${index + 1}`).toBeGreaterThanOrEqual(bodyTop + 4);
          if (page.isStaffOnly) expect(banners.length).toBeGreaterThanOrEqual(2);
        });
      }
    }
  });
});
