import { describe, expect, it } from 'vitest';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import { getEngine } from '../../src/engine.js';
import { today } from '../support/packets.js';
import type { BoxItem, PageLayout } from '../../src/layout/page-layout.js';

function cardPages(request: Record<string, unknown>): { pages: PageLayout[]; front: number } {
  const engine = getEngine();
  const pages = layoutPacket(preparePacket(request, { today, engine }), engine);
  const front = pages.findIndex((page) => page.items.some((item) => item.kind === 'box' && item.dashPt));
  return { pages, front };
}

const cutBoxes = (page: PageLayout) => page.items.filter((item): item is BoxItem => item.kind === 'box' && item.dashPt !== undefined);

describe('wallet cards', () => {
  it('puts four cards with dashed cut lines on a page, in a 2 x 2 grid', () => {
    const { pages, front } = cardPages({ county: 'fresno' });
    const boxes = cutBoxes(pages[front]!);
    expect(boxes).toHaveLength(4);
    expect(new Set(boxes.map((box) => box.xPt)).size).toBe(2);
    expect(new Set(boxes.map((box) => box.yPt)).size).toBe(2);
  });

  it('starts the cards on a right-hand page so front and back share one sheet', () => {
    for (const request of [{ county: 'fresno' }, { county: 'los-angeles', youth: true, iceHold: { received: true } }]) {
      const { front } = cardPages(request);
      expect(front % 2).toBe(0);
    }
  });

  it('mirrors the back page so each back lands behind its front when flipped on the long edge', () => {
    const { pages, front } = cardPages({ county: 'fresno', print: { cards: 1 } });
    const [frontBox] = cutBoxes(pages[front]!);
    const [backBox] = cutBoxes(pages[front + 1]!);
    const page = pages[front]!;
    expect(backBox!.xPt).toBeCloseTo(page.widthPt - frontBox!.xPt - frontBox!.widthPt, 5);
    expect(backBox!.yPt).toBeCloseTo(frontBox!.yPt, 5);
  });

  it('lines up on A4 as on Letter', () => {
    const { pages, front } = cardPages({ county: 'fresno', print: { paper: 'a4', cards: 3 } });
    const fronts = cutBoxes(pages[front]!);
    const backs = cutBoxes(pages[front + 1]!);
    expect(fronts).toHaveLength(3);
    for (const box of fronts) {
      expect(backs.some((back) => Math.abs(back.xPt - (pages[front]!.widthPt - box.xPt - box.widthPt)) < 1e-6 && back.yPt === box.yPt)).toBe(true);
    }
  });

  it('prints a second sheet for more than four cards', () => {
    const { pages, front } = cardPages({ county: 'fresno', print: { cards: 6 } });
    expect(cutBoxes(pages[front + 2]!)).toHaveLength(2);
  });
});
