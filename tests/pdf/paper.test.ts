import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { loadPdf, packetFor, today } from '../support/packets.js';
import { strokedPages } from '../support/content-paths.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import { getEngine } from '../../src/engine.js';
import type { PageLayout } from '../../src/layout/page-layout.js';

/** Office printers cannot print the outer 4–6 mm; keep every mark 6.35 mm (18 pt) inside the edge. */
const safeEdgePt = 18;

function pagesFor(request: Record<string, unknown>): PageLayout[] {
  const engine = getEngine();
  return layoutPacket(preparePacket(request, { today, engine }), engine);
}

function outOfBounds(pages: PageLayout[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, index) => {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      const widthPt = item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm);
      const inside =
        item.xPt >= safeEdgePt &&
        item.xPt + widthPt <= page.widthPt - safeEdgePt + 0.01 &&
        item.yPt >= safeEdgePt &&
        item.yPt + item.sizePt <= page.heightPt - safeEdgePt;
      if (!inside) problems.push(`page ${index + 1} at (${Math.round(item.xPt)}, ${Math.round(item.yPt)})`);
    }
  });
  return problems;
}

/**
 * Text runs that print on top of each other, or over a stroked line (a crop mark, a cut or fold mark, a
 * table rule, a notice's frame, a write-in line): boxes from baseline to cap height that share more than
 * a point each way with another text, or that a line crosses.
 */
function overlapping(pages: PageLayout[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, index) => {
    const boxes = page.items.flatMap((item) =>
      item.kind === 'text'
        ? [{ left: item.xPt, right: item.xPt + item.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) * (item.sizePt / item.face.unitsPerEm), bottom: item.yPt, top: item.yPt + item.sizePt * 0.7 }]
        : [],
    );
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const shared = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const sharedHeight = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
        if (shared > 1 && sharedHeight > 1) problems.push(`page ${index + 1} at (${Math.round(a.left)}, ${Math.round(a.bottom)})`);
      }
    });
    // Lines: rules as they are, boxes as their four edges (axis-aligned, as the layout draws them).
    const segments = page.items.flatMap((item) => {
      if (item.kind === 'rule') return [{ x1: item.x1Pt, y1: item.y1Pt, x2: item.x2Pt, y2: item.y2Pt, what: item.dashPt ? 'mark' : 'rule' }];
      if (item.kind !== 'box') return [];
      const { xPt: x, yPt: y, widthPt: w, heightPt: h } = item;
      return [
        { x1: x, y1: y, x2: x + w, y2: y, what: 'frame' },
        { x1: x, y1: y + h, x2: x + w, y2: y + h, what: 'frame' },
        { x1: x, y1: y, x2: x, y2: y + h, what: 'frame' },
        { x1: x + w, y1: y, x2: x + w, y2: y + h, what: 'frame' },
      ];
    });
    for (const line of segments) {
      const [left, right] = [Math.min(line.x1, line.x2), Math.max(line.x1, line.x2)];
      const [bottom, top] = [Math.min(line.y1, line.y2), Math.max(line.y1, line.y2)];
      for (const box of boxes) {
        // A line crosses a text box when it enters it by more than half a point each way it can.
        const crossesX = Math.min(right, box.right - 0.5) - Math.max(left, box.left + 0.5) >= 0;
        const crossesY = Math.min(top, box.top - 0.5) - Math.max(bottom, box.bottom + 0.5) >= 0;
        if (crossesX && crossesY) problems.push(`page ${index + 1}: ${line.what} through text at (${Math.round(box.left)}, ${Math.round(box.bottom)})`);
      }
    }
  });
  return problems;
}

const fullRequest = {
  county: 'los-angeles',
  destinationCounty: 'sacramento',
  language: 'es',
  youth: true,
  iceHold: { received: true, releaseInfoSharedWithIce: true },
  person: { name: 'José Núñez' },
  print: { staffChecklist: true },
};

describe('paper', () => {
  it('prints every page on US Letter, 612 x 792 pt, by default', async () => {
    const pdf = await loadPdf(await packetFor({ county: 'fresno' }));
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 612, height: 792 });
  });

  it('prints every page on A4, 595 x 842 pt, when asked', async () => {
    const pdf = await loadPdf(await packetFor({ county: 'fresno', print: { paper: 'a4' } }));
    for (const page of pdf.getPages()) expect(page.getSize()).toEqual({ width: 595, height: 842 });
  });

  for (const paper of ['letter', 'a4']) {
    for (const largePrint of [false, true]) {
      it(`keeps all text inside the printable area on ${paper}${largePrint ? ' in large print' : ''}`, () => {
        expect(outOfBounds(pagesFor({ ...fullRequest, print: { ...fullRequest.print, paper, largePrint } }))).toEqual([]);
      });

      it(`prints no line over another, nor over a rule or a cut line, in every language on ${paper}${largePrint ? ' in large print' : ''}`, () => {
        for (const language of getEngine().catalogs.locales.keys()) {
          for (const cardLayout of ['duplex', 'fold']) {
            const request = { ...fullRequest, language, print: { ...fullRequest.print, paper, largePrint, cardLayout } };
            expect(overlapping(pagesFor(request)), `${language} ${cardLayout}`).toEqual([]);
          }
        }
      });
    }
  }

  for (const paper of ['letter', 'a4']) {
    it(`keeps every cut line and rule the PDF strokes inside the printable area on ${paper}`, async () => {
      for (const request of [fullRequest, { county: 'fresno', print: { paper, cards: 8, largePrint: true } }, { county: 'san-diego', language: 'es', print: { paper, cards: 3 } }]) {
        const pages = await strokedPages(await packetFor({ ...request, print: { ...(request.print as object), paper } }));
        const outside: string[] = [];
        let strokes = 0;
        pages.forEach((page, index) => {
          for (const point of page.points) {
            strokes++;
            const inside = point.xPt >= safeEdgePt && point.xPt <= page.widthPt - safeEdgePt && point.yPt >= safeEdgePt && point.yPt <= page.heightPt - safeEdgePt;
            if (!inside) outside.push(`page ${index + 1}: ${point.operator} at (${point.xPt.toFixed(1)}, ${point.yPt.toFixed(1)})`);
          }
        });
        // The cards' cut lines at least: a request with nothing stroked would prove nothing.
        expect(strokes).toBeGreaterThan(0);
        expect(outside).toEqual([]);
      }
    });
  }

  it('gives large print more pages, not smaller text', () => {
    const normal = pagesFor(fullRequest);
    const large = pagesFor({ ...fullRequest, print: { ...fullRequest.print, largePrint: true } });
    expect(large.length).toBeGreaterThan(normal.length);
    // The pages after the cover (which may run over by a few lines): the hotlines, where body text starts.
    const bodySizes = (pages: PageLayout[]) => pages.slice(1, 4).flatMap((page) => page.items.flatMap((item) => (item.kind === 'text' ? [item.sizePt] : [])));
    expect(Math.min(...bodySizes(large))).toBeGreaterThanOrEqual(Math.min(...bodySizes(normal)));
    expect(bodySizes(large)).toContain(14);
  });
});

describe('document metadata', () => {
  it('names the packet and county, declares the language and creator, and never names the person', async () => {
    const pdf = await loadPdf(await packetFor({ county: 'fresno', language: 'es', person: { name: 'José Núñez' } }));
    expect(pdf.getTitle()).toContain('Fresno');
    expect(pdf.getTitle()).not.toContain('José');
    expect(pdf.getSubject()).toContain('Fresno');
    expect(pdf.getCreator()).toMatch(/^release-packet/);
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(es)');
  });

  it('gives the same bytes for the same request on the same day', async () => {
    const first = await packetFor({ county: 'fresno', person: { name: '张伟' } });
    const second = await packetFor({ county: 'fresno', person: { name: '张伟' } });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
