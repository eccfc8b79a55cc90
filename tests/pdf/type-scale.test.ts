/**
 * The type scale, read back from the PDF: every text the person reads is at least 10 pt (source lines,
 * footers and banners 8 pt), the wallet card at least 7 pt, and in large print every text at least 14 pt,
 * cards included. Why: large print used to set only paragraphs at 14 pt; entries, tables, sources, the
 * footer and the cards stayed at 8-12 pt.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import { typeScale } from '../../src/layout/styles.js';
import type { PageLayout } from '../../src/layout/page-layout.js';
import { packetFor, today } from '../support/packets.js';
import { textSizesByPage } from '../support/text-sizes.js';
import { issueRequests } from '../support/issue-requests.js';

function layoutFor(request: Record<string, unknown>): PageLayout[] {
  const engine = getEngine();
  return layoutPacket(preparePacket(request, { today, engine }), engine);
}

const isCardSheet = (page: PageLayout) => page.furnitureSlots !== undefined;
const withPrint = (request: Record<string, unknown>, print: Record<string, unknown>) => ({ ...request, print: { ...(request.print as object), ...print } });

describe('type scale', () => {
  for (const [name, request] of Object.entries(issueRequests)) {
    for (const paper of ['letter', 'a4']) {
      const normal = withPrint(request, { paper, largePrint: false });
      const large = withPrint(request, { paper, largePrint: true });

      it(`prints nothing under 8 pt, and nothing under 7 pt on the wallet cards: ${name}, ${paper}`, async () => {
        const sizes = await textSizesByPage(await packetFor(normal));
        const pages = layoutFor(normal);
        expect(sizes).toHaveLength(pages.length);
        sizes.forEach((pageSizes, index) => {
          const floor = isCardSheet(pages[index]!) ? typeScale.card.minimumPt : typeScale.normal.fineMinimumPt;
          expect(pageSizes.length, `page ${index + 1} has text`).toBeGreaterThan(0);
          expect(Math.min(...pageSizes), `page ${index + 1}`).toBeGreaterThanOrEqual(floor - 0.01);
        });
      });

      it(`sets every text the person reads at 10 pt or more, fine print apart: ${name}, ${paper}`, () => {
        for (const [index, page] of layoutFor(normal).entries()) {
          if (isCardSheet(page)) continue;
          for (const item of page.items) {
            if (item.kind !== 'text' || item.isFine) continue;
            expect(item.sizePt, `page ${index + 1}`).toBeGreaterThanOrEqual(typeScale.normal.readMinimumPt);
          }
        }
      });

      it(`prints every text at 14 pt or more in large print, cards, sources and footers included: ${name}, ${paper}`, async () => {
        const sizes = await textSizesByPage(await packetFor(large));
        sizes.forEach((pageSizes, index) => expect(Math.min(...pageSizes), `page ${index + 1}`).toBeGreaterThanOrEqual(typeScale.large.readMinimumPt - 0.01));
        // Headings larger than the text.
        expect(Math.max(...sizes.flat())).toBeGreaterThan(typeScale.large.readMinimumPt * 1.3);
      });
    }
  }
});
