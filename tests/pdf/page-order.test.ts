/**
 * Where the person's pages, the cards and the staff pages fall, read back from the PDF's text: printed
 * double-sided, the card front and back share a sheet, and a staff page never shares a sheet with a page
 * handed to the person.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPages, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';

type Catalog = Record<string, Record<string, string>>;
const catalog = (lng: string): Catalog => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8'));
const en = catalog('en');
const es = catalog('es');

interface PacketPages {
  texts: string[];
  /** 1-based page numbers. */
  cardFront: number;
  staff: number[];
}

async function pagesOf(request: Record<string, unknown>): Promise<PacketPages> {
  const lang = request.language === 'es' ? es : en;
  const texts = extractPages(await packetFor(request)).map(squash);
  const cardFront = texts.findIndex((text) => text.includes(lang.card!.frontTitle!)) + 1;
  const staff = texts.flatMap((text, index) => (text.includes(en.document!.staffOnly!) ? [index + 1] : []));
  return { texts, cardFront, staff };
}

/** Requests whose person's pages add up to both odd and even counts. */
const variants: Record<string, unknown>[] = [
  { county: 'fresno' },
  { county: 'fresno', language: 'es', youth: true },
  { county: 'los-angeles', language: 'es', iceHold: { received: true } },
  { county: 'los-angeles', youth: true, iceHold: { received: true } },
  { county: 'humboldt', language: 'es' },
  { county: 'san-diego', print: { paper: 'a4', largePrint: true } },
  { county: 'los-angeles', destinationCounty: 'sacramento', youth: true, iceHold: { received: true }, print: { largePrint: true } },
  { county: 'riverside', destinationCounty: 'los-angeles', language: 'es', print: { paper: 'a4' } },
];

describe('page order', () => {
  it('starts the cards on a right-hand (odd) page, adding a blank page marked as blank on purpose when needed', async () => {
    const blanks: boolean[] = [];
    for (const request of variants) {
      const lang = request.language === 'es' ? es : en;
      const { texts, cardFront } = await pagesOf(request);
      expect(cardFront % 2, JSON.stringify(request)).toBe(1);
      const before = texts[cardFront - 2]!;
      const isBlank = before.includes(squash(lang.document!.blankPage!));
      // A blank page holds its note and the page furniture, nothing of the packet.
      if (isBlank) expect(before).not.toContain(lang.safeRelease!.title);
      blanks.push(isBlank);
    }
    // Both cases met, so both were checked: content that ended on a left-hand page, and one that did not.
    expect(blanks).toContain(true);
    expect(blanks).toContain(false);
  });

  it('puts the staff pages after the cards, starting on a sheet of their own', async () => {
    for (const request of variants) {
      const { texts, cardFront, staff } = await pagesOf({ ...request, print: { ...(request.print as object | undefined), staffChecklist: true } });
      expect(staff.length).toBeGreaterThan(0);
      // Every page from the first staff page on is a staff page: nothing for the person follows.
      expect(staff).toEqual(Array.from({ length: texts.length - staff[0]! + 1 }, (_, index) => staff[0]! + index));
      expect(staff[0]!).toBeGreaterThan(cardFront + 1);
      // Odd: the front of a new sheet, so its back is not a page handed to the person.
      expect(staff[0]! % 2, JSON.stringify(request)).toBe(1);
    }
  });

  it('prints the lawyer\'s and the emergency contact\'s names and phones on the card front', async () => {
    const contacts = [
      { role: 'attorney', name: 'Luis Ortega', phone: '(213) 555-0147' },
      { role: 'emergency', name: 'Rosa Pérez', phone: '(559) 555-0101' },
    ];
    for (const language of ['en', 'es']) {
      const { texts, cardFront } = await pagesOf({ county: 'fresno', language, contacts });
      const card = texts[cardFront - 1]!;
      for (const contact of contacts) {
        expect(card).toContain(contact.name);
        expect(card).toContain(contact.phone);
      }
    }
  });
});
