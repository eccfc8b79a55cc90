/** Embeds the official card pages a document draws (assets/cards/<tag>.pdf) as form XObjects, the way pdf-lib's embedPage does. */
import { readFileSync } from 'node:fs';
import type { PDFDocument } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib/cjs/core/index.js';
import type { PageLayout } from '../layout/page-layout.js';
import { embeddedPageKey, type EmbeddedPages } from './content-stream.js';

/** Parsed once per process: the card files are read-only assets. */
const sources = new Map<string, Promise<PDFDocument>>();

function sourceOf(path: string): Promise<PDFDocument> {
  let source = sources.get(path);
  // pdf-lib's full entry is imported only when a packet prints an official card (it costs ~30 ms to import).
  if (!source) sources.set(path, (source = import('pdf-lib').then(({ PDFDocument }) => PDFDocument.load(readFileSync(path), { updateMetadata: false }))));
  return source;
}

/** Stable XObject names within a process, so shared pages' cached content streams stay valid. */
const names = new Map<string, string>();

export async function embedOfficialPages(context: PDFContext, pages: PageLayout[]): Promise<{ xObjects: Record<string, PDFRef>; embedded: EmbeddedPages }> {
  const xObjects: Record<string, PDFRef> = {};
  const embedded = new Map<string, { name: string; widthPt: number; heightPt: number }>();
  if (!pages.some((page) => page.items.some((item) => item.kind === 'embedded-page'))) return { xObjects, embedded };
  // Loaded only for a packet that prints an official card: the CLI's start stays as light as it was.
  const { PDFObjectCopier, PDFPageEmbedder } = await import('pdf-lib/cjs/core/index.js');
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'embedded-page') continue;
      const key = embeddedPageKey(item.path, item.pageIndex);
      if (embedded.has(key)) continue;
      const source = await sourceOf(item.path);
      const sourcePage = source.getPage(item.pageIndex);
      // The page and everything it refers to (fonts, images) are copied into this document's context.
      const copied = PDFObjectCopier.for(source.context, context).copy(sourcePage.node);
      const embedder = await PDFPageEmbedder.for(copied);
      let name = names.get(key);
      if (!name) names.set(key, (name = `OC${names.size}`));
      xObjects[name] = await embedder.embedIntoContext(context);
      embedded.set(key, { name, widthPt: embedder.width, heightPt: embedder.height });
    }
  }
  return { xObjects, embedded };
}
