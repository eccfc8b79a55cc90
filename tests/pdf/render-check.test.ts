/**
 * What a printer sees, not only what text extraction sees: a font subset can extract the right characters
 * and still draw nothing (pdf-lib #494, #1232). Poppler rasterizes the pages; every script must put ink down,
 * poppler must report no font error on any page, and a few pages must match their golden images.
 *
 * Goldens (tests/golden/*.png, grayscale, 72 dpi) are compared tile by tile (tests/support/golden.ts):
 * a changed digit, a missing line or a missing draft banner fails. When a change to the layout or the
 * wording is meant, regenerate them on purpose, LOOK at each image, and commit them:
 *
 *     UPDATE_GOLDENS=1 npx vitest run tests/pdf/render-check.test.ts
 *
 * A missing golden fails; CI never regenerates (UPDATE_GOLDENS is refused when CI is set).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countInk, extractPages, pageCount, renderPage, squash } from '../support/poppler.js';
import { packetFor, today } from '../support/packets.js';
import { compareImages, expectGolden, renderGolden } from '../support/golden.js';
import { getEngine } from '../../src/engine.js';
import { creator, layoutPacket, preparePacket, type PreparedPacket } from '../../src/generate.js';
import { writePdf } from '../../src/pdf/write-pdf.js';
import type { PageLayout } from '../../src/layout/page-layout.js';
import { cardCells, walletCard, type CardSlot } from '../../src/layout/wallet-card.js';

const samples = {
  'Latin with diacritics': 'José Núñez',
  Vietnamese: 'Nguyễn Văn An',
  Chinese: '张伟',
  Arabic: 'محمد',
};

/** A name of one dot: the same page layout with (almost) no ink where the name goes. */
const blankName = '.';

const spanish = JSON.parse(readFileSync(new URL('../../locales/es/packet.json', import.meta.url), 'utf8')) as { card: { frontTitle: string } };

describe('rasterized packet', () => {
  const baseline = packetFor({ county: 'fresno', language: 'es', person: { name: blankName } }).then((pdf) => renderPage(pdf, 1, 100));

  for (const [script, name] of Object.entries(samples)) {
    it(`draws visible ${script} glyphs, with no font errors from poppler`, async () => {
      const page = renderPage(await packetFor({ county: 'fresno', language: 'es', person: { name } }), 1, 100);
      expect(page.warnings).toBe('');
      const addedInk = countInk(page.png) - countInk((await baseline).png);
      // A 22 pt glyph at 100 dpi inks well over 40 pixels; a blank glyph inks none.
      expect(addedInk).toBeGreaterThan(40 * [...name.replace(/ /g, '')].length);
    });
  }

  it('renders every page of a full packet, staff pages included, without poppler warnings', async () => {
    const pdf = await packetFor({ county: 'los-angeles', language: 'es', youth: true, iceHold: { received: true }, print: { staffChecklist: true } });
    // The count comes from poppler, not from our writer.
    const pages = pageCount(pdf);
    let rendered = 0;
    for (let page = 1; page <= pages; page++) {
      expect(renderPage(pdf, page, 30).warnings).toBe('');
      rendered++;
    }
    expect(rendered).toBe(pages);
    expect(extractPages(pdf)[pages - 1]).toMatch(/STAFF ONLY/);
  });
});

/** The wallet-card front of a packet, found by its title, not by where it happens to fall today. */
function cardFrontPage(pdf: Uint8Array): number {
  // Whitespace squashed: the title may wrap inside a card.
  const index = extractPages(pdf).findIndex((text) => squash(text).includes(spanish.card.frontTitle));
  expect(index).toBeGreaterThan(-1);
  return index + 1;
}

describe('golden pages', () => {
  const names = { county: 'los-angeles', language: 'es', person: { name: 'José Núñez · Nguyễn Văn An · 张伟 · محمد' }, release: { date: '2026-12-01' } };

  it('matches the golden cover: names in four scripts, the release date, the draft-translation banner', async () => {
    expectGolden('cover-names-es', await packetFor(names), 1);
  });

  it('matches the golden wallet-card front and back, three cards so that a back page not mirrored shows', async () => {
    // Three cards leave the grid's last row part-empty: mirrored, the lone back card changes side.
    const pdf = await packetFor({
      county: 'los-angeles',
      language: 'es',
      contacts: [{ role: 'attorney', name: 'Luis Ortega', phone: '(213) 555-0147' }],
      print: { cards: 3 },
    });
    const front = cardFrontPage(pdf);
    expectGolden('cards-front-es', pdf, front);
    expectGolden('cards-back-es', pdf, front + 1);
  });

  it('matches the golden hotline page on A4 in large print', async () => {
    // Found by its heading: the cover may take more than one page in large print.
    const pdf = await packetFor({ county: 'san-diego', print: { paper: 'a4', largePrint: true } });
    const page = extractPages(pdf).findIndex((text) => squash(text).includes('Rapid response hotlines / Líneas de respuesta rápida')) + 1;
    expect(page).toBeGreaterThan(0);
    expectGolden('hotlines-a4-large-en', pdf, page);
  });
});

/** The packet of `request` with a bug planted on purpose: `change` edits the rendered document or the laid-out pages. */
async function packetChanged(
  request: Record<string, unknown>,
  change: { document?: (prepared: PreparedPacket) => void; pages?: (pages: PageLayout[]) => void },
): Promise<Uint8Array> {
  const engine = getEngine();
  const prepared = preparePacket(request, { today, engine });
  change.document?.(prepared);
  // Copies: laid-out card sheets are kept between packets and must not carry the planted bug.
  const pages = layoutPacket(prepared, engine).map((page) => ({ ...page, items: page.items.map((item) => ({ ...item })) }));
  change.pages?.(pages);
  const { title, subject, lang } = prepared.document;
  return writePdf(pages, { title, subject, lang, creator, date: today }, { fontSet: engine.fontSet, prepared: engine.prepared });
}

/** The bug the mirroring guards against: each card of the back page put back in the cell of its front. */
function unmirrorCardBack(page: PageLayout): void {
  const cells = cardCells({ widthPt: page.widthPt, heightPt: page.heightPt }, walletCard);
  const moves = cells.map((cell) => ({ cell, deltaPt: page.widthPt - 2 * cell.xPt - cell.widthPt }));
  const inside = (cell: CardSlot, xPt: number, yPt: number) => xPt >= cell.xPt && xPt < cell.xPt + cell.widthPt && yPt >= cell.yPt && yPt < cell.yPt + cell.heightPt;
  page.items = page.items.map((item) => {
    const x = item.kind === 'rule' ? item.x1Pt : item.xPt;
    const y = item.kind === 'rule' ? item.y1Pt : item.yPt;
    const move = moves.find(({ cell }) => inside(cell, x, y));
    if (!move) return item;
    if (item.kind === 'rule') return { ...item, x1Pt: item.x1Pt + move.deltaPt, x2Pt: item.x2Pt + move.deltaPt };
    return { ...item, xPt: item.xPt + move.deltaPt };
  });
}

describe('golden comparison', () => {
  const request = { county: 'los-angeles', language: 'es', release: { date: '2026-12-03', location: 'Men\'s Central Jail' } };
  const changedTiles = async (other: Uint8Array) => compareImages(renderGolden(await packetFor(request), 1), renderGolden(other, 1)).tiles.length;

  it('sees no difference between two renderings of the same page', async () => {
    expect(await changedTiles(await packetFor(request))).toBe(0);
  });

  it('sees one changed digit', async () => {
    expect(await changedTiles(await packetFor({ ...request, release: { ...request.release, date: '2026-12-08' } }))).toBeGreaterThan(0);
  });

  it('sees one line missing', async () => {
    expect(await changedTiles(await packetFor({ ...request, release: { date: request.release.date } }))).toBeGreaterThan(0);
  });

  it('sees the draft-translation banner missing', async () => {
    const withoutBanner = await packetChanged(request, {
      document: (prepared) => {
        prepared.document.furniture.draftMarks = {};
      },
    });
    expect(await changedTiles(withoutBanner)).toBeGreaterThan(0);
  });

  it('tells a mirrored card back from one that is not mirrored, with the golden\'s three cards', async () => {
    const cards = { county: 'fresno', language: 'es', print: { cards: 3 } };
    const pdf = await packetFor(cards);
    const back = cardFrontPage(pdf) + 1;
    const unmirrored = await packetChanged(cards, { pages: (pages) => unmirrorCardBack(pages[back - 1]!) });
    expect(compareImages(renderGolden(pdf, back), renderGolden(unmirrored, back)).tiles.length).toBeGreaterThan(0);
  });
});
