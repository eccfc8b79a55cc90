/** The HTML preview: the same document the PDF is laid out from, wrapped in a print stylesheet. */
import type { RenderedDocument } from './document-tree.js';
import type { Templates } from './templates.js';

export function renderPreview(document: RenderedDocument, templates: Templates): string {
  return templates.preview({
    lang: document.lang,
    dir: document.languages[0]?.dir ?? 'ltr',
    title: document.title,
    body: document.html,
    draftMarks: Object.values(document.furniture.draftMarks).map((lines) => lines.map((line) => line.text).join(' / ')),
  });
}
