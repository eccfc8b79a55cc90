/**
 * The render stage on its own (src/render): templates' HTML → the block tree layout prints, the `t` helper,
 * the page furniture and marks a packet carries, the shared-section cache. No PDF is made here, so these run
 * in milliseconds; the PDF tests check the same things as they print.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { isPacketError } from '../../src/errors.js';
import { preparePacket } from '../../src/generate.js';
import type { Block, Inline } from '../../src/render/document-tree.js';
import { registerHelpers } from '../../src/render/helpers.js';
import { isBetweenCitations, parseBlocks } from '../../src/render/parse-blocks.js';
import { renderDocument } from '../../src/render/render-document.js';
import { renderPreview } from '../../src/render/render-preview.js';
import { renderSections, withoutPersonalFields } from '../../src/render/render-sections.js';
import { SectionCache } from '../../src/render/section-cache.js';
import type { Templates } from '../../src/render/templates.js';
import { today } from '../support/packets.js';

const engine = getEngine();
const dirOf = (lang: string): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');
const parse = (html: string, lang = 'en') => parseBlocks(html, lang, dirOf);
const NBSP = '\u00a0';

/** The error a call throws, for its code and message. */
function thrown(run: () => unknown): { code?: string; message: string } {
  try {
    run();
  } catch (error) {
    return { code: isPacketError(error) ? error.code : undefined, message: (error as Error).message };
  }
  throw new Error('expected a throw');
}

const textOf = (inlines: Inline[]) => inlines.map((inline) => inline.text).join('');

describe('the template HTML, as blocks', () => {
  it('turns each block tag into its block, with the section id, classes and heading level', () => {
    const blocks = parse(`
      <section data-section="cover" class="page  lead">
        <h1>Title</h1><h2>Sub</h2><h3>Third</h3>
        <div><p class="small">Text</p></div>
      </section>`);
    expect(blocks).toEqual([
      {
        lang: 'en', dir: 'ltr', classes: ['page', 'lead'], type: 'group', tag: 'section', sectionId: 'cover',
        children: [
          { lang: 'en', dir: 'ltr', classes: [], type: 'heading', level: 1, inlines: [{ text: 'Title', style: 'regular' }] },
          { lang: 'en', dir: 'ltr', classes: [], type: 'heading', level: 2, inlines: [{ text: 'Sub', style: 'regular' }] },
          { lang: 'en', dir: 'ltr', classes: [], type: 'heading', level: 3, inlines: [{ text: 'Third', style: 'regular' }] },
          { lang: 'en', dir: 'ltr', classes: [], type: 'group', tag: 'div', children: [{ lang: 'en', dir: 'ltr', classes: ['small'], type: 'paragraph', inlines: [{ text: 'Text', style: 'regular' }] }] },
        ],
      },
    ]);
  });

  it('leaves out a paragraph a conditional left empty, but keeps one that holds a line break', () => {
    expect(parse('<div><p>  </p><p></p></div>')).toEqual([{ lang: 'en', dir: 'ltr', classes: [], type: 'group', tag: 'div', children: [] }]);
    expect(parse('<p><br></p>')).toHaveLength(1);
  });

  it('sets each block\'s language and direction: its own lang, an explicit dir, or its parent\'s', () => {
    expect(parse('<div><p dir="rtl">x</p></div>', 'en')[0]).toMatchObject({ dir: 'ltr', children: [{ dir: 'rtl' }] });
    const [group] = parse('<div lang="ar"><p>عربي</p><p dir="ltr">x</p><p lang="es">y</p><p dir="auto">z</p><p dir="sideways">w</p></div>', 'en') as [Extract<Block, { type: 'group' }>];
    expect(group).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(group.children.map((block) => [block.lang, block.dir])).toEqual([
      ['ar', 'rtl'],
      ['ar', 'ltr'],
      ['es', 'ltr'],
      ['ar', 'auto'],
      ['ar', 'rtl'],
    ]);
    expect(parse('<p>x</p>', 'ar')[0]).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('reads lists, with an item of plain text as one paragraph and an item of blocks as those blocks', () => {
    const [list] = parse('<ol class="steps">\n  <li lang="es">Uno <strong>dos</strong></li>\n  <li>\n    <p>A</p>\n    <p>B</p>\n  </li>\n</ol>') as [Extract<Block, { type: 'list' }>];
    expect(list).toMatchObject({ type: 'list', isOrdered: true, classes: ['steps'] });
    expect(list.items[0]).toEqual([{ lang: 'es', dir: 'ltr', classes: [], type: 'paragraph', inlines: [{ text: 'Uno ', style: 'regular' }, { text: 'dos', style: 'bold' }] }]);
    expect(list.items[1]!.map((block) => block.type === 'paragraph' && textOf(block.inlines))).toEqual(['A', 'B']);
    expect(parse('<ul><li>x</li></ul>')[0]).toMatchObject({ type: 'list', isOrdered: false });
  });

  it('reads tables row by row, through thead and tbody, marking header rows', () => {
    // Indented as the templates are: whitespace between rows and cells is not a row or a cell.
    const [table] = parse('<table>\n <thead>\n  <tr> <th>Name</th> <th>Phone</th> </tr>\n </thead>\n <tbody>\n  <tr> <td>A</td> <td><strong>1</strong></td> </tr>\n </tbody>\n <tr><td>B</td></tr>\n <tr><th>Hours</th><td>9–5</td></tr>\n</table>') as [Extract<Block, { type: 'table' }>];
    expect(table.rows.map((row) => [row.isHeader, row.cells.map(textOf)])).toEqual([
      [true, ['Name', 'Phone']],
      [false, ['A', '1']],
      [false, ['B']],
      [true, ['Hours', '9–5']],
    ]);
    expect(table.rows[1]!.cells[1]).toEqual([{ text: '1', style: 'bold' }]);
  });

  it('sets strong bold, em italic (bold inside strong), <br> as a line break, and collapses template whitespace', () => {
    const [paragraph] = parse('<p>\n   Call <strong>now,\t\n <em>§ 1</em></strong> or <em>later</em><br>\n  next line  \n</p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(paragraph.inlines).toEqual([
      { text: 'Call ', style: 'regular' },
      { text: 'now, ', style: 'bold' },
      { text: `§${NBSP}1`, style: 'bold' },
      { text: ' or ', style: 'regular' },
      { text: 'later', style: 'italic' },
      { text: '\n', style: 'regular' },
      { text: 'next line', style: 'regular' },
    ]);
  });

  it('decodes the entities Handlebars writes, so "&amp;" prints as "&"', () => {
    expect(textOf((parse('<p>Know &amp; use &quot;rights&quot; &#x27;now&#x27;</p>')[0] as Extract<Block, { type: 'paragraph' }>).inlines)).toBe('Know & use "rights" \'now\'');
  });

  it('trims the spaces template indentation leaves around a line break, and drops what is left empty', () => {
    const [paragraph] = parse('<p> one <br> <br> two </p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(paragraph.inlines.map((inline) => inline.text)).toEqual(['one', '\n', '\n', 'two']);
  });

  it('keeps a citation and a no-break span on one line, breaking only between citations', () => {
    const [paragraph] = parse('<p><em>Cal. Gov. Code § 7283.1(b); 8 C.F.R. § 287.7, Cal. Pen. Code § 1</em> <span class="small nobr">(559) 555-0100 24 h</span> <span>a b</span></p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(paragraph.inlines.map((inline) => inline.text)).toEqual([
      `Cal.${NBSP}Gov.${NBSP}Code${NBSP}§${NBSP}7283.1(b); 8${NBSP}C.F.R.${NBSP}§${NBSP}287.7, Cal.${NBSP}Pen.${NBSP}Code${NBSP}§${NBSP}1`,
      ' ',
      `(559)${NBSP}555-0100${NBSP}24${NBSP}h`,
      ' ',
      'a b',
    ]);
    // A span without the class is plain running text.
    expect(paragraph.inlines.at(-1)).toEqual({ text: 'a b', style: 'regular' });
    // "§§ 7284.4(a), 7283" is one citation: no break after its comma.
    const [sections] = parse('<p><em>Cal. Gov. Code §§ 7284.4(a), 7283</em></p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(textOf(sections.inlines)).toBe(`Cal.${NBSP}Gov.${NBSP}Code${NBSP}§§${NBSP}7284.4(a),${NBSP}7283`);
  });

  it('never breaks a phone number in running text after its area code', () => {
    const [paragraph] = parse('<p>Call (559) 555-0100 or (559) 555.0101, not (559) 55 nor (559) 555-1 ok</p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(textOf(paragraph.inlines)).toBe(`Call (559)${NBSP}555-0100 or (559)${NBSP}555.0101, not (559) 55 nor (559) 555-1 ok`);
  });

  it('carries a page reference on each piece of its span, unbroken', () => {
    const [paragraph] = parse('<p>Hotlines <span data-page-of="hotlines">p. <strong>#</strong> here</span> end</p>') as [Extract<Block, { type: 'paragraph' }>];
    expect(paragraph.inlines).toEqual([
      { text: 'Hotlines ', style: 'regular' },
      { text: `p.${NBSP}`, style: 'regular', pageOf: 'hotlines' },
      { text: '#', style: 'bold', pageOf: 'hotlines' },
      { text: `${NBSP}here`, style: 'regular', pageOf: 'hotlines' },
      { text: ' end', style: 'regular' },
    ]);
  });

  it('refuses, as a template bug, anything outside the subset', () => {
    const bugs = [
      ['text outside a block', 'loose <p>x</p>'],
      ['an attribute not in the subset', '<p style="color:red">x</p>'],
      ['an attribute on an inline', '<p><span onclick="x">y</span></p>'],
      ['an attribute on a list item', '<ul><li style="x">y</li></ul>'],
      ['a block tag not in the subset', '<article>x</article>'],
      ['a block inside a text block', '<p><div>x</div></p><h1><p>y</p></h1>'],
      ['a list item that is not <li>', '<ul><p>x</p></ul>'],
      ['a table row that is not <tr>', '<table><p>x</p></table>'],
      ['a page reference not on a span', '<p><em data-page-of="x">p. #</em></p>'],
      ['a page reference naming nothing', '<p><span data-page-of="">p. #</span></p>'],
    ];
    for (const [what, html] of bugs) expect(thrown(() => parse(html!)), what).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE' });
    expect(thrown(() => parse('<p style="x">y</p>')).message).toContain('attribute style on <p>');
    expect(thrown(() => parse('<p><img></p>')).message).toContain('<img> inside a text block');
    expect(thrown(() => parse('<article>x</article>')).message).toContain('<article> is not a block');
    expect(thrown(() => parse('stray words here')).message).toContain('text outside a block: "stray words here"');
    // Comments and whitespace between blocks are not text.
    expect(parse('<!-- note -->\n  <p>x</p>\n')).toHaveLength(1);
  });

  it('breaks a citation list after "; ", or after ", " before a new citation only', () => {
    expect(isBetweenCitations('8 C.F.R. § 287.7;', '8 U.S.C.')).toBe(true);
    expect(isBetweenCitations('Cal. Gov. Code § 7283.1(b),', 'Cal. Pen. Code')).toBe(true);
    expect(isBetweenCitations('§§ 7284.4(a),', '7283')).toBe(false);
    expect(isBetweenCitations('art.', '§ 2')).toBe(false);
    expect(isBetweenCitations('Titles', 'IV, V')).toBe(false);
    expect(isBetweenCitations('Titles IV,', 'V')).toBe(false);
    expect(isBetweenCitations('Titles IV,', '§ 5')).toBe(false);
    expect(isBetweenCitations('Titles IV,', 'Ventura')).toBe(true);
    expect(isBetweenCitations('Titles I,', 'IV')).toBe(false);
  });
});

describe('the t helper templates call', () => {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars, engine.catalogs);
  const run = (source: string, context: Record<string, unknown> = {}) => handlebars.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: { t: true } })(context);

  it('prints the catalog text in the language asked, with values filled in and escaped, catalog markup kept', () => {
    expect(run('{{t "packet:document.title" lng="en"}}')).toBe('Release packet: know your rights');
    expect(run('{{t "packet:document.title" lng="es"}}')).not.toBe('Release packet: know your rights');
    expect(run('{{t "packet:document.subject" lng="en" county=c state="CA"}}', { c: '<b>Fresno</b>' })).toBe(
      'Know-your-rights release packet for &lt;b&gt;Fresno&lt;&#x2F;b&gt; County, CA',
    );
  });

  it('never serves one call\'s values to a later call of the same key', () => {
    expect(run('{{t "packet:document.subject" lng="en" county="Fresno" state="CA"}}')).toContain('Fresno');
    expect(run('{{t "packet:document.subject" lng="en" county="Kern" state="CA"}}')).toContain('Kern');
    expect(run('{{t "packet:document.subject" lng="en"}}')).not.toMatch(/Fresno|Kern/);
    // Plain strings are looked up once per language and key.
    expect(run('{{t "packet:document.title" lng="en"}}|{{t "packet:document.footer" lng="en"}}|{{t "packet:document.title" lng="es"}}')).toBe(
      `Release packet: know your rights|${engine.catalogs.fixedT('en')('packet:document.footer')}|${engine.catalogs.fixedT('es')('packet:document.title')}`,
    );
  });

  it('throws a template error, never prints a raw key, for a missing key, an unknown language or no key', () => {
    expect(thrown(() => run('{{t "packet:no.such.key" lng="en"}}'))).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE', message: expect.stringContaining('missing catalog key packet:no.such.key') });
    expect(thrown(() => run('{{t "packet:document.title" lng="xx"}}'))).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE', message: expect.stringContaining('known lng') });
    expect(thrown(() => run('{{t "packet:document.title"}}'))).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE' });
    expect(thrown(() => run('{{t n lng="en"}}', { n: 3 }))).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE', message: expect.stringContaining('t needs a key and a known lng (key 3)') });
  });
});

describe('the document a packet renders', () => {
  it('hands layout the blocks it shares with other packets, with their memos', () => {
    preparePacket({ county: 'kern' }, { today, engine });
    const { document } = preparePacket({ county: 'kern' }, { today, engine });
    expect(document.sharedBlocks.size).toBeGreaterThan(0);
    expect(document.blocks.filter((block) => document.sharedBlocks.has(block)).length).toBeGreaterThan(0);
  });

  it('names the county, never the person, in the title and subject every PDF viewer shows', () => {
    const { document } = preparePacket({ county: 'fresno', person: { name: 'Ana Canary' } }, { today, engine });
    expect(document.title).toBe('Release packet: know your rights (Fresno)');
    expect(document.subject).toBe('Know-your-rights release packet for Fresno County, California');
  });

  it('writes a county name with & and < into the subject as plain text, not HTML-escaped (metadata is not markup)', () => {
    const { model } = preparePacket({ county: 'fresno' }, { today, engine });
    const document = renderDocument({ ...model, county: { ...model.county, name: 'Trinity & <Lake>' } }, { catalogs: engine.catalogs, templates: engine.templates });
    expect(document.subject).toBe('Know-your-rights release packet for Trinity & <Lake> County, California');
    expect(document.title).toBe('Release packet: know your rights (Trinity & <Lake>)');
  });

  it('carries the page furniture in the person\'s language, page numbers left for layout', () => {
    const { document } = preparePacket({ county: 'fresno', language: 'es' }, { today, engine });
    const t = engine.catalogs.fixedT('es');
    expect(document.lang).toBe('es');
    expect(document.furniture).toMatchObject({
      footer: t('packet:document.footer', { page: '{{page}}', pages: '{{pages}}', interpolation: { escapeValue: false } }),
      blankPage: t('packet:document.blankPage'),
      blankSheet: t('packet:document.blankSheet'),
      cardsDuplex: t('packet:document.cardsDuplex'),
      cardsFold: t('packet:document.cardsFold'),
    });
    expect(document.furniture.footer).toContain('{{page}}');
    expect(document.furniture.footer).toContain('{{pages}}');
    expect(document.languages).toEqual([
      { id: 'es', dir: 'ltr', isDraft: true },
      { id: 'en', dir: 'ltr', isDraft: false },
    ]);
  });

  it('puts the staff\'s language first on staff pages, then the person\'s, two at most', () => {
    const { document } = preparePacket({ county: 'fresno', language: 'ar', print: { staffChecklist: true, staffLanguage: 'es' } }, { today, engine });
    expect(document.staffLang).toBe('es');
    expect(document.furniture.staffOnly.map((line) => line.lang)).toEqual(['es', 'ar']);
    expect(document.furniture.staffOnly[0]!.text).toBe(engine.catalogs.fixedT('es')('packet:document.staffOnly'));
    expect(document.furniture.staffFooter).toBe(
      ['es', 'ar'].map((lng) => engine.catalogs.fixedT(lng)('packet:document.staffFooter', { page: '{{page}}', pages: '{{pages}}' })).join(' · '),
    );
    const english = preparePacket({ county: 'fresno', language: 'es' }, { today, engine }).document;
    expect(english.staffLang).toBe('en');
    expect(english.furniture.staffOnly.map((line) => line.lang)).toEqual(['en', 'es']);
  });

  it('marks a draft language in that language and in the packet\'s other, and a reviewed one not at all', () => {
    const { document } = preparePacket({ county: 'fresno', language: 'ar' }, { today, engine });
    expect(document.languages).toEqual([
      { id: 'ar', dir: 'rtl', isDraft: true },
      { id: 'en', dir: 'ltr', isDraft: false },
    ]);
    expect(Object.keys(document.furniture.draftMarks)).toEqual(['ar']);
    expect(document.furniture.draftMarks.ar).toEqual([
      { lang: 'ar', text: engine.catalogs.fixedT('ar')('packet:document.draftMark', { language: new Intl.DisplayNames(['ar'], { type: 'language' }).of('ar'), interpolation: { escapeValue: false } }) },
      { lang: 'en', text: 'DRAFT TRANSLATION (Arabic): not yet reviewed' },
    ]);
    const both = preparePacket({ county: 'fresno', language: 'es', secondLanguage: 'ar' }, { today, engine }).document.furniture.draftMarks;
    expect(both.es!.map((line) => line.lang)).toEqual(['es', 'ar']);
    expect(both.ar!.map((line) => line.lang)).toEqual(['ar', 'es']);
  });

  it('names Tagalog as the project does, not by the Filipino Intl would give it', () => {
    const { document } = preparePacket({ county: 'fresno', language: 'tl' }, { today, engine });
    expect(document.furniture.draftMarks.tl!.find((line) => line.lang === 'en')!.text).toBe('DRAFT TRANSLATION (Tagalog): not yet reviewed');
  });

  it('marks a language whose legal text changed in English since it was translated, even when reviewed', () => {
    const { model } = preparePacket({ county: 'fresno', language: 'es' }, { today, engine });
    const locales = new Map([...engine.catalogs.locales].map(([id, locale]) => [id, id === 'en' ? { ...locale, outdatedLegalKeys: ['packet:rights.silent'] } : locale]));
    const catalogs = { ...engine.catalogs, locales, fixedT: engine.catalogs.fixedT.bind(engine.catalogs), has: engine.catalogs.has.bind(engine.catalogs) };
    const document = renderDocument(model, { catalogs, templates: engine.templates });
    expect(document.furniture.draftMarks.en).toEqual([{ lang: 'en', text: engine.catalogs.fixedT('en')('packet:document.outdatedMark') }]);
    expect(document.furniture.draftMarks.es!.map((line) => line.lang)).toEqual(['es', 'en']);
  });

  it('wraps the same document as the HTML preview, with its marks, title and direction', () => {
    const { document } = preparePacket({ county: 'fresno', language: 'ar' }, { today, engine });
    const html = renderPreview(document, engine.templates);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<title>${document.title}</title>`);
    expect(html).toContain(`<p class="draft">${document.furniture.draftMarks.ar!.map((line) => line.text).join(' / ')}</p>`);
    expect(html).toContain(document.html.slice(0, 200));
  });
});

describe('sections rendered for one packet', () => {
  // Made inside each test, not while the file loads: a mutation run then knows which tests cover rendering.
  const personal = () => preparePacket({ county: 'fresno', language: 'es', person: { name: 'Ana Canary' }, contacts: [{ role: 'family', name: 'Juan Canary' }] }, { today, engine }).model;

  it('empties every personal field, and only those, in the model shared sections are rendered from', () => {
    const model = personal();
    const shared = withoutPersonalFields(model);
    expect(shared).toMatchObject({ person: {}, release: {}, contacts: [] });
    expect(JSON.stringify(shared)).not.toContain('Canary');
    for (const key of Object.keys(model) as (keyof typeof model)[]) {
      if (['person', 'release', 'contacts', 'lawyer', 'emergencyContact'].includes(key)) continue;
      expect(shared[key], key).toEqual(model[key]);
    }
  });

  it('renders a section that names the person for this packet only, and shares every other', () => {
    const model = personal();
    const cache = new SectionCache();
    const first = renderSections(model, { templates: engine.templates, dirOf, sectionCache: cache });
    expect(first.html).toContain('Ana Canary');
    expect(JSON.stringify(cache.contents())).not.toContain('Canary');
    const cover = first.blocks.find((block) => block.type === 'group' && block.sectionId === 'cover')!;
    expect(first.sharedBlocks.has(cover)).toBe(false);
    const networks = first.blocks.find((block) => block.type === 'group' && block.sectionId === 'rapid-response')!;
    expect(first.sharedBlocks.has(networks)).toBe(true);
    // The next packet gets the same objects, and their memos, for what it shares.
    const second = renderSections(model, { templates: engine.templates, dirOf, sectionCache: cache });
    expect(second.blocks.find((block) => block.type === 'group' && block.sectionId === 'rapid-response')).toBe(networks);
    expect(second.sharedBlocks.get(networks)).toBe(first.sharedBlocks.get(networks));
    expect(cache.size).toBe(1);
  });

  it('renders every section afresh without a cache, the same blocks as with one', () => {
    const model = personal();
    const alone = renderSections(model, { templates: engine.templates, dirOf });
    expect(alone.sharedBlocks.size).toBe(0);
    expect(alone.blocks).toEqual(renderSections(model, { templates: engine.templates, dirOf, sectionCache: new SectionCache() }).blocks);
  });

  it('treats an empty contact list or an empty person as nothing personal', () => {
    const model = personal();
    const cache = new SectionCache();
    const empty = { ...model, person: {}, release: {}, contacts: [], lawyer: undefined, emergencyContact: undefined } as typeof model;
    const rendered = renderSections(empty, { templates: engine.templates, dirOf, sectionCache: cache });
    const cover = rendered.blocks.find((block) => block.type === 'group' && block.sectionId === 'cover')!;
    expect(rendered.sharedBlocks.has(cover)).toBe(true);
    // No lawyer, no emergency contact, nobody named: every section is shared.
    expect(rendered.blocks.filter((block) => !rendered.sharedBlocks.has(block)).map((block) => block.type === 'group' && block.sectionId)).toEqual([]);
  });

  it('shares the children of a section that names someone, all but those that name them', () => {
    const model = personal();
    const cache = new SectionCache();
    const sectionOf = (rendered: ReturnType<typeof renderSections>) => rendered.blocks.find((block) => block.type === 'group' && block.sectionId === 'safe-release') as Extract<Block, { type: 'group' }>;
    const first = renderSections(model, { templates: engine.templates, dirOf, sectionCache: cache });
    const safeRelease = sectionOf(first);
    expect(first.sharedBlocks.has(safeRelease)).toBe(false);
    const shared = safeRelease.children.filter((child) => first.sharedBlocks.has(child));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(safeRelease.children.length);
    expect(JSON.stringify(shared)).not.toContain('Canary');
    // The next packet's section holds the very same shared children, with their memos.
    const second = renderSections(model, { templates: engine.templates, dirOf, sectionCache: cache });
    const again = sectionOf(second).children.filter((child) => second.sharedBlocks.has(child));
    expect(again).toEqual(shared);
    again.forEach((child, index) => expect(child).toBe(shared[index]));
    expect(second.sharedBlocks.get(again[0]!)).toBe(first.sharedBlocks.get(shared[0]!));
  });

  it('reports a section without a template, and a template failure without the data it was given', () => {
    const model = personal();
    const partials = new Map(engine.templates.partials);
    partials.delete('rapid-response');
    expect(thrown(() => renderSections(model, { templates: { ...engine.templates, partials }, dirOf }))).toMatchObject({
      code: 'PKT_ERR_RENDER_TEMPLATE',
      message: expect.stringContaining('no template for section rapid-response'),
    });
    const failing: Templates = {
      ...engine.templates,
      partials: new Map([...engine.templates.partials].map(([id, template]) => [id, id === 'cover' ? () => { throw new TypeError('cannot read Ana Canary'); } : template])),
    };
    const failure = thrown(() => renderSections(model, { templates: failing, dirOf }));
    expect(failure).toMatchObject({ code: 'PKT_ERR_RENDER_TEMPLATE', message: expect.stringContaining('TypeError') });
    expect(failure.message).not.toContain('Canary');
  });
});

describe('the shared-section cache', () => {
  it('keeps the sections of the most recently used inputs, dropping the least recently used', () => {
    const cache = new SectionCache(2);
    const a = cache.sectionsFor('a');
    a.set('cover', { html: 'a', blocks: [], memos: [] });
    cache.sectionsFor('b');
    expect(cache.sectionsFor('a')).toBe(a);
    cache.sectionsFor('c');
    expect(cache.size).toBe(2);
    expect(cache.sectionsFor('a')).toBe(a);
    expect(cache.sectionsFor('b').size).toBe(0);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.sectionsFor('a')).not.toBe(a);
  });

  it('gives equal blocks, children included, one object and one memo, within its bound', () => {
    const cache = new SectionCache(4, 3);
    const paragraph = (text: string): Block => ({ lang: 'en', dir: 'ltr', classes: [], type: 'paragraph', inlines: [{ text, style: 'regular' }] });
    const group = (...children: Block[]): Block => ({ lang: 'en', dir: 'ltr', classes: [], type: 'group', tag: 'div', children });
    const first = cache.internBlocks([group(paragraph('x'), paragraph('y'))]);
    expect(cache.internedSize).toBe(3);
    const second = cache.internBlocks([group(paragraph('x'), paragraph('y'))]);
    // A group whose own fields differ is not the same block, though its children are.
    const styled = cache.internBlocks([{ ...group(paragraph('x'), paragraph('y')), classes: ['notice'] } as Block]);
    expect(styled.blocks[0]).not.toBe(first.blocks[0]);
    expect(styled.blocks[0]!.classes).toEqual(['notice']);
    cache.internBlocks([group(paragraph('x'), paragraph('y'))]);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.memos).toEqual(first.memos);
    expect(second.memos.map(([block]) => block)).toEqual([paragraph('x'), paragraph('y'), group(paragraph('x'), paragraph('y'))]);
    // A group with other children is another block, though its own fields are the same.
    const other = cache.internBlocks([group(paragraph('x'), paragraph('z'))]);
    expect(other.blocks[0]).not.toBe(first.blocks[0]);
    const [otherX] = (other.blocks[0] as Extract<Block, { type: 'group' }>).children;
    expect(otherX).toBe((first.blocks[0] as Extract<Block, { type: 'group' }>).children[0]);
    expect(cache.internedSize).toBe(3);
    expect(cache.contents()).toHaveLength(3);
  });

  it('parses an element printed again once: the same block, memo and all, as a fresh parse and interning give', () => {
    const cache = new SectionCache(4, 16);
    type Group = Extract<Block, { type: 'group' }>;
    const rights = '<p>You have the right to <strong>remain silent</strong>.</p>';
    const checklist = '<div class="checklist"><p>Ask for the papers.</p><p> </p><h3>Call</h3></div>';
    const sectionOf = (county: string) => `<section data-section="rights"><h2>${county}</h2>\n  ${rights}\n  ${checklist}</section>`;
    const fresno = cache.parseShared(sectionOf('Fresno'), 'es', dirOf);
    const kern = cache.parseShared(sectionOf('Kern'), 'es', dirOf);
    expect(fresno.blocks).toEqual(parse(sectionOf('Fresno'), 'es'));
    expect(kern.blocks).toEqual(parse(sectionOf('Kern'), 'es'));
    const [fresnoChildren, kernChildren] = [fresno, kern].map((parsed) => (parsed.blocks[0] as Group).children);
    expect(kernChildren![0]).not.toBe(fresnoChildren![0]);
    expect(kernChildren![1]).toBe(fresnoChildren![1]);
    expect(kernChildren![2]).toBe(fresnoChildren![2]);
    // Every block kept is listed with its memo, the ones under a group met again included (layout finds its lines by them).
    const checklistChildren = (kernChildren![2] as Group).children;
    expect(kern.memos.map(([block]) => block)).toEqual([kernChildren![0], kernChildren![1], ...checklistChildren, kernChildren![2], kern.blocks[0]]);
    expect(kern.memos.find(([block]) => block === checklistChildren[0])![1]).toBe(fresno.memos.find(([block]) => block === checklistChildren[0])![1]);
    // The same source in another language (and so direction) is another block.
    const arabic = cache.parseShared(rights, 'ar', dirOf).blocks[0]!;
    expect(arabic).not.toBe(fresnoChildren![1]);
    expect(arabic.dir).toBe('rtl');
    // Equal blocks from different sources are still one (the interning by content underneath).
    expect(cache.parseShared(`<p>You have the right to <strong>remain silent</strong>.</p>`, 'es', dirOf).blocks[0]).toBe(fresnoChildren![1]);
    expect(cache.parseShared(`<p>You have the right to  <strong>remain silent</strong>.</p>`, 'es', dirOf).blocks[0]).toBe(fresnoChildren![1]);
  });

  it('keeps element sources within the same bound as blocks, and forgets them when cleared', () => {
    const cache = new SectionCache(4, 2);
    for (const word of ['uno', 'dos', 'tres', 'cuatro']) cache.parseShared(`<p>${word}</p>`, 'es', dirOf);
    // Two blocks by content and two sources: the least recently used of each dropped first.
    expect(cache.contents().map(([key]) => key).filter((key) => key.includes('uno') || key.includes('dos'))).toEqual([]);
    expect(cache.contents()).toHaveLength(4);
    cache.clear();
    expect(cache.contents()).toHaveLength(0);
  });
});
