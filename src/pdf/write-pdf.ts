/**
 * PDF stage: pages → bytes with pdf-lib's object layer (PDFContext, PDFWriter). Shared fonts come prepared,
 * only a name's extra glyphs are subset per packet. pdf-lib's PDFDocument is skipped: its page tree and
 * metadata helpers build objects we replace anyway, and the objects here are few and fixed.
 */
import { deflateSync } from 'node:zlib';
import type { PageLayout } from '../layout/page-layout.js';
import type { FontSet } from '../layout/fonts.js';
import { buildFontProgram, type FontProgram } from './font-program.js';
import { embedFontProgram } from './embed-font.js';
import { writePageContent, type FaceEncoding } from './content-stream.js';
import { embedOfficialPages } from './embed-official-pages.js';
// pdf-lib's object layer, class by class (pdf-lib-core.ts): its full entry costs a CLI process ~75 ms more to import.
import { PDFContext, PDFHexString, PDFRawStream, PDFString, PDFWriter, type PDFRef } from './pdf-lib-core.js';
import type { PageStreamCache } from './page-stream-cache.js';

export interface PdfMetadata {
  title: string;
  subject: string;
  lang: string;
  creator: string;
  /** Pinned by the caller so that the same request gives the same bytes. */
  date: Date;
}

export interface WriteDeps {
  fontSet: FontSet;
  /** Font programs prepared at startup, by face index. */
  prepared: ReadonlyMap<number, FontProgram>;
  /** Keeps the streams of shared pages between packets; without it every page is deflated. */
  pageStreams?: PageStreamCache;
}

// Level 4: measured here half the time of the default level 6 for 1 KB more per packet.
function deflateContent(content: string): Uint8Array {
  return deflateSync(Buffer.from(content, 'latin1'), { level: 4 });
}

const noGlyphs: readonly string[] = [];

/** Faces this packet draws with, the glyphs of each that the prepared programs lack, and the pages that draw those. */
function collectGlyphs(pages: PageLayout[], prepared: ReadonlyMap<number, FontProgram>) {
  const usedFaces = new Set<number>();
  const extra = new Map<number, Map<number, number[]>>();
  const pagesWithExtra = new Set<PageLayout>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'text') continue;
      const faceIndex = item.face.index;
      usedFaces.add(faceIndex);
      const known = prepared.get(faceIndex)?.hexByGlyph ?? noGlyphs;
      for (const glyph of item.glyphs) {
        if (known[glyph.id]) continue;
        pagesWithExtra.add(page);
        let glyphs = extra.get(faceIndex);
        if (!glyphs) extra.set(faceIndex, (glyphs = new Map()));
        if (!glyphs.has(glyph.id)) glyphs.set(glyph.id, glyph.codePoints);
      }
    }
  }
  return { usedFaces: [...usedFaces].sort((a, b) => a - b), extra, pagesWithExtra };
}

export async function writePdf(pages: PageLayout[], metadata: PdfMetadata, deps: WriteDeps): Promise<Uint8Array> {
  const context = PDFContext.create();

  // One font resource dictionary shared by every page: fonts are embedded once per document.
  const { usedFaces, extra, pagesWithExtra } = collectGlyphs(pages, deps.prepared);
  const encoding: FaceEncoding[] = [];
  const fonts: Record<string, PDFRef> = {};
  for (const faceIndex of usedFaces) {
    const prepared = deps.prepared.get(faceIndex);
    const glyphs = extra.get(faceIndex);
    const extraProgram = glyphs ? buildFontProgram(deps.fontSet.faces[faceIndex]!, glyphs) : undefined;
    if (prepared) fonts[`F${faceIndex}`] = embedFontProgram(context, prepared);
    if (extraProgram) fonts[`X${faceIndex}`] = embedFontProgram(context, extraProgram);
    encoding[faceIndex] = {
      preparedHex: prepared?.hexByGlyph ?? noGlyphs,
      preparedResource: `F${faceIndex}`,
      extraHex: extraProgram?.hexByGlyph ?? noGlyphs,
      extraResource: `X${faceIndex}`,
    };
  }
  const { xObjects, embedded } = await embedOfficialPages(context, pages);
  const resources = context.register(context.obj({ Font: context.obj(fonts), ...(embedded.size ? { XObject: context.obj(xObjects) } : {}) }));

  const pageTree = context.nextRef();
  const kids: PDFRef[] = [];
  for (const layout of pages) {
    const content = writePageContent(layout, encoding, deps.pageStreams?.runs, embedded);
    // A shared page holds no personal data: its stream may outlive this packet. Not one that draws a
    // glyph from this packet's own subset, though: that font resource exists in this file only.
    const isReusable = layout.isShared && deps.pageStreams && !pagesWithExtra.has(layout);
    const stream = isReusable ? deps.pageStreams!.deflated(content, deflateContent) : deflateContent(content);
    const contents = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), stream));
    kids.push(
      context.register(
        context.obj({ Type: 'Page', Parent: pageTree, Resources: resources, MediaBox: [0, 0, layout.widthPt, layout.heightPt], Contents: contents }),
      ),
    );
  }
  context.assign(pageTree, context.obj({ Type: 'Pages', Kids: kids, Count: pages.length }));
  context.trailerInfo.Root = context.register(
    context.obj({
      Type: 'Catalog',
      Pages: pageTree,
      // DisplayDocTitle: viewers show the title (packet and county), not the file name.
      ViewerPreferences: context.obj({ DisplayDocTitle: true }),
      Lang: PDFString.of(metadata.lang),
    }),
  );
  const date = PDFString.fromDate(metadata.date);
  context.trailerInfo.Info = context.register(
    context.obj({
      Title: PDFHexString.fromText(metadata.title),
      Subject: PDFHexString.fromText(metadata.subject),
      Creator: PDFHexString.fromText(metadata.creator),
      Producer: PDFHexString.fromText(`${metadata.creator} with pdf-lib`),
      CreationDate: date,
      ModDate: date,
    }),
  );
  // No object streams: every viewer and printer reads a plain cross-reference table.
  return PDFWriter.forContext(context, Number.POSITIVE_INFINITY).serializeToBuffer();
}

