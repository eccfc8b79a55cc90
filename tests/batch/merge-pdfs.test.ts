/** PdfMerger: packets of odd page counts get a blank page after them, so the next one starts on an odd page. */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { PdfMerger } from '../../src/pdf/merge-pdfs.js';
import { loadPdf } from '../support/packets.js';
import { bookmarksOf } from '../support/bookmarks.js';

async function pdfOf(pages: number, size: [number, number]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) document.addPage(size);
  return document.save();
}

describe('PdfMerger', () => {
  it('adds a blank page of the same size after a packet with an odd page count, and bookmarks each first page', async () => {
    const merger = new PdfMerger({ title: 'stack', creator: 'test', date: new Date('2026-11-27T00:00:00Z') });
    await merger.add({ pdf: await pdfOf(3, [595, 842]), title: 'Three (A4)' });
    await merger.add({ pdf: await pdfOf(2, [612, 792]), title: 'Two' });
    await merger.add({ pdf: await pdfOf(1, [612, 792]), title: 'One' });
    const bytes = await merger.save();
    const merged = await loadPdf(bytes);
    const sizes = merged.getPages().map((page) => [page.getWidth(), page.getHeight()]);
    expect(sizes).toEqual([[595, 842], [595, 842], [595, 842], [595, 842], [612, 792], [612, 792], [612, 792], [612, 792]]);
    expect(bookmarksOf(bytes)).toEqual([['Three (A4)', 1], ['Two', 5], ['One', 7]]);
  });
});
