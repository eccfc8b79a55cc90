import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { loadPdf, packetFor } from '../support/packets.js';
import { creator } from '../../src/generate.js';

/** Object number → byte offset, read back from the file's own cross-reference table. */
function readXref(bytes: Uint8Array): Map<number, number> {
  const text = Buffer.from(bytes).toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
  const offsets = new Map<number, number>();
  const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count));
  entries.forEach((entry, index) => {
    if (entry.endsWith('n ')) offsets.set(Number(first) + index, Number(entry.slice(0, 10)));
  });
  return offsets;
}

describe('the PDF file structure', () => {
  it('points every cross-reference entry of a packet at the start of its object', async () => {
    const bytes = await packetFor({ county: 'fresno', language: 'es', person: { name: 'محمد 张伟' } });
    const text = Buffer.from(bytes).toString('latin1');
    const offsets = readXref(bytes);
    expect(offsets.size).toBeGreaterThan(10);
    for (const [number, offset] of offsets) expect(text.startsWith(`${number} 0 obj\n`, offset)).toBe(true);
  });

  it('says who made it and in which language, and asks viewers to show its title', async () => {
    const pdf = await loadPdf(await packetFor({ county: 'fresno', language: 'es' }));
    expect(pdf.getCreator()).toBe(creator);
    expect(pdf.getProducer()).toBe(`${creator} with pdf-lib`);
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(es)');
    expect(pdf.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString()).toContain('/DisplayDocTitle true');
  });

  it('holds a page tree a strict reader can walk: catalog, pages, and each page with its paper size', async () => {
    for (const [paper, size] of [['letter', '[ 0 0 612 792 ]'], ['a4', '[ 0 0 595 842 ]']] as const) {
      const pdf = await loadPdf(await packetFor({ county: 'fresno', print: { paper } }));
      expect(pdf.catalog.get(PDFName.of('Type'))).toBe(PDFName.of('Catalog'));
      expect(pdf.catalog.Pages().get(PDFName.of('Type'))).toBe(PDFName.of('Pages'));
      for (const page of pdf.getPages()) {
        expect(page.node.get(PDFName.of('Type'))).toBe(PDFName.of('Page'));
        expect(page.node.get(PDFName.of('MediaBox'))?.toString()).toBe(size);
      }
    }
  });
});
