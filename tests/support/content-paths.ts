/**
 * The lines a PDF page strokes, read back from its content stream (PDF 32000-1 §8.5 path construction,
 * §8.4.4 q/Q/cm): what the printer is asked to ink, whatever our layout objects say.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';

export interface StrokedPoint {
  xPt: number;
  yPt: number;
  /** The operator that put the point on the page: re, m, l or c. */
  operator: string;
}

type Matrix = [number, number, number, number, number, number];

function decoded(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter ? inflateSync(stream.contents) : Buffer.from(stream.contents);
  return Buffer.from(bytes).toString('latin1');
}

/** The page's content streams, decoded and joined. */
export function pageContent(page: PDFPage): string {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.map((ref) => decoded(page.doc.context.lookup(ref) as PDFRawStream)).join('\n');
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];

/** Every point of every path segment outside text objects, in page space (transformations applied). */
export function pathPoints(content: string): StrokedPoint[] {
  // Text objects draw glyphs, not paths; strings and arrays inside them would only confuse the operands.
  const graphics = content.replace(/\bBT\b[\s\S]*?\bET\b/g, ' ');
  const tokens = graphics.match(/\[[^\]]*\]|<[^>]*>|\([^)]*\)|\/[^\s/[\]()<>]+|[^\s/[\]()<>]+/g) ?? [];
  const points: StrokedPoint[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let operands: number[] = [];
  const put = (operator: string, x: number, y: number) => {
    const [xPt, yPt] = apply(ctm, x, y);
    points.push({ xPt, yPt, operator });
  };
  for (const token of tokens) {
    const value = Number(token);
    if (token !== '' && !Number.isNaN(value)) {
      operands.push(value);
      continue;
    }
    const o = operands;
    switch (token) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case 'cm':
        ctm = multiply(o.slice(-6) as Matrix, ctm);
        break;
      case 're': {
        const [x, y, w, h] = o.slice(-4) as [number, number, number, number];
        put('re', x, y);
        put('re', x + w, y + h);
        break;
      }
      case 'm':
      case 'l':
        put(token, o.at(-2)!, o.at(-1)!);
        break;
      case 'c':
        for (let index = o.length - 6; index < o.length; index += 2) put('c', o[index]!, o[index + 1]!);
        break;
    }
    operands = [];
  }
  return points;
}

/** Path points of each page of a PDF, with the page size. */
export async function strokedPages(pdf: Uint8Array): Promise<{ widthPt: number; heightPt: number; points: StrokedPoint[] }[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().map((page) => ({ ...toSize(page), points: pathPoints(pageContent(page)) }));
}

function toSize(page: PDFPage): { widthPt: number; heightPt: number } {
  const { width, height } = page.getSize();
  return { widthPt: width, heightPt: height };
}
