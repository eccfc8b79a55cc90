/** Parses the templates' HTML (a restricted subset) into the Block tree with htmlparser2; anything else is a template bug. */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { PacketError } from '../errors.js';
import type { Block, Inline, InlineStyle } from './document-tree.js';

const blockTags = new Set(['section', 'div', 'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'table']);
const inlineTags = new Set(['strong', 'em', 'br', 'span']);
const allowedAttributes = new Set(['class', 'lang', 'dir', 'data-section', 'data-page-of']);

export interface Inherited {
  lang: string;
  dir: 'ltr' | 'rtl' | 'auto';
}

function templateBug(detail: string): PacketError {
  return new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail });
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function checkAttributes(element: Element): void {
  for (const name of Object.keys(element.attribs)) {
    if (!allowedAttributes.has(name)) throw templateBug(`attribute ${name} on <${element.name}> is not in the subset`);
  }
}

function inherit(element: Element, parent: Inherited, dirOf: (lang: string) => 'ltr' | 'rtl'): Inherited {
  const lang = element.attribs.lang ?? parent.lang;
  const dirAttribute = element.attribs.dir;
  const dir = dirAttribute === 'auto' || dirAttribute === 'rtl' || dirAttribute === 'ltr' ? dirAttribute : element.attribs.lang ? dirOf(lang) : parent.dir;
  return { lang, dir };
}

/** Whitespace in templates is layout noise: runs of it become one space, as in HTML. */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ');
}

/**
 * Where a line may break inside italic citation text: after "; ", or after ", " unless what follows
 * continues the same citation (a section number, "§", a roman numeral: "§§ 7284.4(a), 7283", "IV, V").
 */
export function isBetweenCitations(before: string, after: string): boolean {
  if (before.endsWith(';')) return true;
  return before.endsWith(',') && !/^(\d|§|[IVX]+\b)/u.test(after);
}

/**
 * Inside a citation (<em>) or a no-break span (<span class="nobr">: a phone number with its hours and
 * mark), spaces become no-break spaces, so a line never ends inside "Cal. Gov. Code § 7283.1(b)". A line
 * may still break between two citations: after "; ", or after ", " before a capital ("…, Cal. Gov. Code").
 */
function keepUnbroken(text: string): string {
  return text.replace(/ /g, (space, offset: number) => {
    return isBetweenCitations(text.slice(0, offset), text.slice(offset + 1)) ? space : '\u00a0';
  });
}

/** A phone number in running text (a source's title quoting it) never breaks after its area code either. */
function keepPhonesUnbroken(text: string): string {
  return text.replace(/(\(\d{3}\)) (?=\d{3}[-. ]\d{4})/g, '$1\u00a0');
}

function collectInlines(nodes: ChildNode[], style: InlineStyle, out: Inline[], isUnbroken = false, pageOf?: string): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = collapse(node.data);
      if (text) out.push({ text: keepPhonesUnbroken(isUnbroken ? keepUnbroken(text) : text), style, ...(pageOf ? { pageOf } : {}) });
    } else if (isElement(node)) {
      checkAttributes(node);
      if (!inlineTags.has(node.name)) throw templateBug(`<${node.name}> inside a text block`);
      const reference = node.attribs['data-page-of'];
      if (reference !== undefined) {
        // "p. #": one unbroken piece, the number filled in by layout.
        if (node.name !== 'span' || !reference) throw templateBug(`data-page-of on <${node.name}> must name a section on a <span>`);
        collectInlines(node.children, style, out, true, reference);
        continue;
      }
      const unbroken = isUnbroken || node.name === 'em' || (node.name === 'span' && (node.attribs.class ?? '').split(/\s+/).includes('nobr'));
      if (node.name === 'br') out.push({ text: '\n', style });
      else collectInlines(node.children, node.name === 'strong' ? 'bold' : node.name === 'em' ? (style === 'bold' ? 'bold' : 'italic') : style, out, unbroken, pageOf);
    }
  }
}

/** Trims the spaces template indentation leaves at the ends of a text block and around line breaks. */
function trimInlines(inlines: Inline[]): Inline[] {
  const result = inlines.map((inline) => ({ ...inline }));
  for (let i = 0; i < result.length; i++) {
    const inline = result[i]!;
    if (inline.text === '\n') continue;
    const isFirst = i === 0 || result[i - 1]!.text === '\n';
    const isLast = i === result.length - 1 || result[i + 1]!.text === '\n';
    if (isFirst) inline.text = inline.text.replace(/^ +/, '');
    if (isLast) inline.text = inline.text.replace(/ +$/, '');
  }
  return result.filter((inline) => inline.text.length > 0);
}

function textBlockInlines(element: Element): Inline[] {
  const inlines: Inline[] = [];
  collectInlines(element.children, 'regular', inlines);
  return trimInlines(inlines);
}

/**
 * Where a block is parsed from: `memo`, when given, is asked for each element of this level (and of the
 * groups below) by its source text before that element is parsed.
 */
interface ParseContext {
  html: string;
  dirOf: (lang: string) => 'ltr' | 'rtl';
  memo?: ElementMemo | undefined;
}

/**
 * The block kept for an element's source (its HTML, from its opening tag to its closing one) and the
 * language and direction it inherits, or the one `build` parses and the memo then keeps. Those three
 * decide the block: the subset's parse reads nothing else. `undefined`: the element prints nothing.
 */
export type ElementMemo = (source: string, inherited: Readonly<Inherited>, build: () => Block | undefined) => Block | undefined;

function parseChildren(nodes: ChildNode[], inherited: Inherited, context: ParseContext): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim()) throw templateBug(`text outside a block: "${node.data.trim().slice(0, 40)}"`);
      continue;
    }
    if (!isElement(node)) continue;
    const { memo } = context;
    const block = memo
      ? memo(context.html.slice(node.startIndex!, node.endIndex! + 1), inherited, () => parseElement(node, inherited, context))
      : parseElement(node, inherited, context);
    if (block) blocks.push(block);
  }
  return blocks;
}

function parseElement(node: Element, inherited: Inherited, context: ParseContext): Block | undefined {
  const { dirOf } = context;
  checkAttributes(node);
  if (!blockTags.has(node.name)) throw templateBug(`<${node.name}> is not a block in the subset`);
  const own = inherit(node, inherited, dirOf);
  const base = { lang: own.lang, dir: own.dir, classes: (node.attribs.class ?? '').split(/\s+/).filter(Boolean) };
  switch (node.name) {
    case 'section':
    case 'div':
      return {
        ...base,
        type: 'group',
        tag: node.name,
        ...(node.attribs['data-section'] ? { sectionId: node.attribs['data-section'] } : {}),
        children: parseChildren(node.children, own, context),
      };
    case 'h1':
    case 'h2':
    case 'h3':
      return { ...base, type: 'heading', level: Number(node.name[1]) as 1 | 2 | 3, inlines: textBlockInlines(node) };
    case 'p': {
      // Template conditionals can leave a paragraph empty; an empty line is noise on paper.
      const inlines = textBlockInlines(node);
      return inlines.length > 0 ? { ...base, type: 'paragraph', inlines } : undefined;
    }
    case 'ul':
    case 'ol': {
      const items = node.children.filter(isElement).map((item) => {
        if (item.name !== 'li') throw templateBug(`<${item.name}> inside a list`);
        checkAttributes(item);
        const itemInherited = inherit(item, own, dirOf);
        const hasBlocks = item.children.some((child) => isElement(child) && blockTags.has(child.name));
        return hasBlocks
          ? parseChildren(item.children, itemInherited, { html: context.html, dirOf })
          : [{ lang: itemInherited.lang, dir: itemInherited.dir, classes: [], type: 'paragraph' as const, inlines: textBlockInlines(item) }];
      });
      return { ...base, type: 'list', isOrdered: node.name === 'ol', items };
    }
    case 'table': {
      const rows = node.children
        .filter(isElement)
        .flatMap((child) => (child.name === 'thead' || child.name === 'tbody' ? child.children.filter(isElement) : [child]))
        .map((row) => {
          if (row.name !== 'tr') throw templateBug(`<${row.name}> inside a table`);
          const cells = row.children.filter(isElement);
          return { isHeader: cells.some((cell) => cell.name === 'th'), cells: cells.map(textBlockInlines) };
        });
      return { ...base, type: 'table', rows };
    }
  }
  return undefined;
}

/** `memo`: see ElementMemo; only for HTML without personal data (SectionCache.parseShared). */
export function parseBlocks(html: string, lang: string, dirOf: (lang: string) => 'ltr' | 'rtl', memo?: ElementMemo): Block[] {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, withStartIndices: true, withEndIndices: true });
  return parseChildren(document.children, { lang, dir: dirOf(lang) }, { html, dirOf, memo });
}
