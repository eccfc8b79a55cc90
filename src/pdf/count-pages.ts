/**
 * Page count of a PDF this engine wrote, without parsing it: write-pdf.ts writes every page object
 * uncompressed as `/Type /Page`, and the page tree as `/Type /Pages`. Only for our own output (the batch
 * manifest); tests/batch compares it with pdfinfo.
 */
const pageObject = /\/Type\s*\/Page(?![a-zA-Z])/g;

export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(pageObject)?.length ?? 0;
}
