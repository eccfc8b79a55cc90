/** The printable call sheet: the same rows as the CSV, laid out and written by the packet's own stages. */
import type { Engine } from '../engine.js';
import { parseBlocks } from '../render/parse-blocks.js';
import type { RenderedDocument } from '../render/document-tree.js';
import { layoutDocument } from '../layout/layout-document.js';
import { ShapeCache } from '../layout/shape.js';
import { writePdf } from '../pdf/write-pdf.js';
import { callScript, type CallSheetRow } from './call-sheet.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function callSheetHtml(rows: CallSheetRow[], stateName: string, day: string, months: number): string {
  const parts = [
    '<section data-section="call-sheet">',
    `<h1>Directory call sheet: ${escapeHtml(stateName)}</h1>`,
    `<p class="small">${rows.length} line(s) due on ${day}: never confirmed with the organization, or last confirmed more than ${months} months ago. Record each result with <strong>release-packet directory verify</strong> (one at a time, or the filled CSV).</p>`,
    '<h2>What to say</h2>',
    `<ol>${callScript.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ol>`,
  ];
  let county = '';
  for (const row of rows) {
    if (row.county !== county) {
      county = row.county;
      parts.push(`<h2>${escapeHtml(county)}</h2>`);
    }
    parts.push(
      `<h3>${escapeHtml(row.organization)}</h3>`,
      `<p class="phone">${escapeHtml(row.number).replace(/ /g, '\u00a0')}</p>`,
      `<p class="small">${escapeHtml(row.service)}${row.hours ? ` · hours: ${escapeHtml(row.hours)}` : ''} · id: ${escapeHtml(row.entryId)}</p>`,
      `<p class="small">${row.lastConfirmed ? `last confirmed ${row.lastConfirmed}` : 'never confirmed'} · listed by ${escapeHtml(row.listedBy)}, ${escapeHtml(row.sourceDate)}</p>`,
      '<p>Result: confirmed / changed number ______________ / disconnected / no answer   Date ________   By ________   How: phone / email / page</p>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

export async function writeCallSheetPdf(rows: CallSheetRow[], options: { stateName: string; today: Date; months: number; engine: Engine }): Promise<Uint8Array> {
  const day = options.today.toISOString().slice(0, 10);
  const html = callSheetHtml(rows, options.stateName, day, options.months);
  const title = `Directory call sheet, ${options.stateName}, ${day}`;
  const document: RenderedDocument = {
    html,
    blocks: parseBlocks(html, 'en', () => 'ltr'),
    sharedBlocks: new Map(),
    lang: 'en',
    staffLang: 'en',
    languages: [{ id: 'en', dir: 'ltr', isDraft: false }],
    furniture: { footer: `${title} · page {{page}} of {{pages}}`, staffFooter: '', draftMarks: {}, staffOnly: [], blankPage: '', blankSheet: '', cardsDuplex: '', cardsFold: '' },
    title,
    subject: 'Lines due for confirmation, grouped by county',
  };
  const { engine } = options;
  const pages = layoutDocument(document, { paper: 'letter', isLargePrint: false, cardCount: 0, cardLayout: 'duplex' }, { fontSet: engine.fontSet, cache: new ShapeCache(engine.frozenShapes) });
  return writePdf(pages, { title, subject: document.subject, lang: 'en', creator: 'release-packet directory due', date: options.today }, { fontSet: engine.fontSet, prepared: engine.prepared });
}
