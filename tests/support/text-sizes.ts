/**
 * Text sizes as a printer sees them: every text-showing operator of every page's content stream, at the
 * size of its Tf times the scale of its text matrix (PDF 32000-1 §9.4.2), read back out of the PDF bytes.
 */
import { PDFArray, PDFDocument, PDFRawStream, PDFRef, PDFName, decodePDFRawStream, type PDFPage } from 'pdf-lib';

function contentBytes(page: PDFPage): Uint8Array[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.flatMap((ref) => {
    const stream = ref instanceof PDFRef ? page.doc.context.lookup(ref) : ref;
    return stream instanceof PDFRawStream ? [decodePDFRawStream(stream).decode()] : [];
  });
}

/** Operands before each operator; strings and arrays skipped (their contents are glyph codes, not sizes). */
function* operators(content: string): Generator<{ operator: string; operands: string[] }> {
  const tokens = content.replace(/<[^>]*>/g, ' <> ').replace(/\[/g, ' [ ').replace(/\]/g, ' ] ').split(/\s+/).filter(Boolean);
  let operands: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token === '[') depth++;
    else if (token === ']') depth--;
    else if (depth === 0 && /^[A-Za-z'"*]+$/.test(token) && !token.startsWith('/')) {
      yield { operator: token, operands };
      operands = [];
      continue;
    }
    if (depth === 0 && token !== ']') operands.push(token);
  }
}

/** The effective size of each text-showing operator on each page, in points. */
export async function textSizesByPage(pdf: Uint8Array): Promise<number[][]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().map((page) => {
    const sizes: number[] = [];
    for (const bytes of contentBytes(page)) {
      let fontSize = 0;
      let scale = 1;
      for (const { operator, operands } of operators(Buffer.from(bytes).toString('latin1'))) {
        if (operator === 'Tf') fontSize = Number(operands.at(-1));
        else if (operator === 'Tm') {
          const [a, b, c, d] = operands.slice(-6).map(Number) as [number, number, number, number];
          // The vertical scale of the matrix: how tall a glyph of the font size prints.
          scale = Math.hypot(c, d) || Math.hypot(a, b);
        } else if (operator === 'BT') scale = 1;
        else if (operator === 'TJ' || operator === 'Tj' || operator === "'" || operator === '"') sizes.push(fontSize * scale);
      }
    }
    return sizes;
  });
}
