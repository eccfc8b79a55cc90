/**
 * Lines to write on by hand (a lawyer, an emergency contact, and the hotline when no network is on file for
 * the county, as in Modoc) are tall enough for handwriting: 7 mm from the line up to the baseline of the text
 * above it on the wallet card, a form's ruled line (issue 8: about 4.5 mm, too tight). A translation too long
 * for the card with all three lines blank gets shorter lines (src/layout/wallet-card.ts steps them to 5 mm).
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import type { PageLayout, RuleItem, TextItem } from '../../src/layout/page-layout.js';
import { cardCells, walletCard } from '../../src/layout/wallet-card.js';
import { today } from '../support/packets.js';

const engine = getEngine();
const mm = 72 / 25.4;

/** For each line to write on in each card: the room between it and the baseline of the text above it. */
function writeInRooms(page: PageLayout): number[] {
  const cells = cardCells(page, walletCard);
  const rules = page.items.filter((item): item is RuleItem => item.kind === 'rule' && item.y1Pt === item.y2Pt && item.widthPt === 0.6);
  const texts = page.items.filter((item): item is TextItem => item.kind === 'text');
  return rules.flatMap((rule) => {
    const cell = cells.find((slot) => rule.x1Pt >= slot.xPt && rule.x2Pt <= slot.xPt + slot.widthPt + 0.01 && rule.y1Pt > slot.yPt && rule.y1Pt < slot.yPt + slot.heightPt);
    if (!cell) return [];
    // The text of this card above the line's own label (whose baseline sits just over the line).
    const above = texts.filter((text) => text.xPt >= cell.xPt && text.xPt < cell.xPt + cell.widthPt && text.yPt > rule.y1Pt + text.sizePt * 0.6 && text.yPt < cell.yPt + cell.heightPt);
    if (above.length === 0) return [];
    return [Math.min(...above.map((text) => text.yPt)) - rule.y1Pt];
  });
}

describe('lines to write on', () => {
  for (const language of engine.catalogs.locales.keys()) {
    it(`are 7 mm tall on the ${language} wallet card of a county with no network on file`, () => {
      const prepared = preparePacket({ language, county: 'modoc', print: { cards: 2 } }, { today, engine });
      const sheet = layoutPacket(prepared, engine).find((page) => page.furnitureSlots)!;
      const rooms = writeInRooms(sheet);
      // Two cards, each with three lines: lawyer, emergency contact, hotline.
      expect(rooms).toHaveLength(6);
      const shortest = Math.min(...rooms) / mm;
      // Spanish and Tagalog card texts are the longest: at the 7 pt floor their three blank lines get shorter
      // (measured 6.95 mm and 5.95 mm from line to baseline); every other language keeps 7 mm or more.
      const floorMm = { es: 6.9, tl: 5.9 }[language] ?? 7;
      expect(shortest, `${shortest.toFixed(2)} mm`).toBeGreaterThanOrEqual(floorMm);
    });
  }
});
