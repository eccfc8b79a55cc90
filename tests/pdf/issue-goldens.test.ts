/**
 * Golden pages of the five requests issue 8 was tried with, on Letter and A4, in normal and large print: the
 * cover (name, number to call first, contents with page numbers) and the front of the card sheet (cards,
 * crop marks, the note on how to print), the two pages a person sees first and a print shop checks.
 * Small and fast on purpose: 48 dpi grayscale (a page is ~30 KB), two pages a packet; the tile comparison
 * still sees one changed digit at this size (last test).
 *
 * Regenerate on purpose only, then LOOK at every image:  npm run goldens   (UPDATE_GOLDENS=1; CI never does)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPages, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';
import { compareImages, expectGolden, renderGolden } from '../support/golden.js';
import { issueRequests } from '../support/issue-requests.js';

const dpi = 48;
const cardTitles = Object.fromEntries(
  ['en', 'es'].map((lng) => [lng, (JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as { card: { frontTitle: string } }).card.frontTitle]),
);

const shortNames = ['youth-es-la-alameda', 'en-san-diego-arabic', 'en-modoc-chinese-staff', 'es-fresno-adult', 'youth-es-full'];
const prints = [
  { paper: 'letter', largePrint: false },
  { paper: 'letter', largePrint: true },
  { paper: 'a4', largePrint: false },
  { paper: 'a4', largePrint: true },
] as const;

describe('golden pages of the five issue requests', () => {
  Object.entries(issueRequests).forEach(([title, request], index) => {
    for (const print of prints) {
      const name = `issue-${shortNames[index]}-${print.paper}${print.largePrint ? '-large' : ''}`;
      it(`matches ${name}: ${title}`, async () => {
        const pdf = await packetFor({ ...request, print: { ...(request.print as object | undefined), ...print } });
        const language = request.language as string;
        const cards = extractPages(pdf).findIndex((text) => squash(text).replace(/\s/g, '').includes(cardTitles[language]!.replace(/\s/g, ''))) + 1;
        expect(cards).toBeGreaterThan(1);
        expectGolden(`${name}-cover`, pdf, 1, dpi);
        expectGolden(`${name}-cards`, pdf, cards, dpi);
      });
    }
  });

  it(`sees one changed digit of the release date at ${dpi} dpi`, async () => {
    const request = issueRequests['Spanish youth, release date, place, contacts, agency will comply, release shared with ICE']!;
    const changed = { ...request, release: { ...(request.release as object), date: '2026-12-08' } };
    const tiles = compareImages(renderGolden(await packetFor(request), 1, dpi), renderGolden(await packetFor(changed), 1, dpi)).tiles;
    expect(tiles.length).toBeGreaterThan(0);
  });
});
