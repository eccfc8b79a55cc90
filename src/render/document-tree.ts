/** The small document tree the templates produce: the input of layout and, as HTML, the preview. */

export type InlineStyle = 'regular' | 'bold' | 'italic';

export interface TextInline {
  text: string;
  style: InlineStyle;
  /**
   * A page reference (the cover's contents): the section id whose first page number replaces the "#" in
   * `text` once the pages are known (layout); the HTML preview, which has no pages, leaves it out.
   */
  pageOf?: string;
}

/** A forced line break (<br>). */
export interface BreakInline {
  text: '\n';
  style: InlineStyle;
}

export type Inline = TextInline | BreakInline;

interface BlockBase {
  /** Language of the block (nearest lang attribute); drives direction and the draft mark. */
  lang: string;
  /** "auto" when the text's own first strong character decides (a name in any script). */
  dir: 'ltr' | 'rtl' | 'auto';
  classes: string[];
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3;
  inlines: Inline[];
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  inlines: Inline[];
}

export interface ListBlock extends BlockBase {
  type: 'list';
  isOrdered: boolean;
  items: Block[][];
}

export interface TableBlock extends BlockBase {
  type: 'table';
  rows: { isHeader: boolean; cells: Inline[][] }[];
}

export interface GroupBlock extends BlockBase {
  type: 'group';
  tag: 'section' | 'div';
  /** data-section of a <section>: the DESIGN.md section id. */
  sectionId?: string;
  children: Block[];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | GroupBlock;

export interface DocumentLanguage {
  id: string;
  dir: 'ltr' | 'rtl';
  isDraft: boolean;
}

/** A line of page furniture and its language. */
export interface FurnitureLine {
  text: string;
  lang: string;
}

/** Strings the layout prints on pages, already translated by the render stage. */
export interface PageFurniture {
  /** Footer of the person's pages with {{page}} and {{pages}} left in, e.g. "Page {{page}} of {{pages}}". */
  footer: string;
  /** Footer of staff pages, numbered apart, in the staff's language first. */
  staffFooter: string;
  /** Printed on each page that carries text in a draft locale, keyed by locale id: the mark in that language and in the other. */
  draftMarks: Record<string, FurnitureLine[]>;
  /** Printed at the top of staff-only pages, the staff's language first. */
  staffOnly: FurnitureLine[];
  /** Printed on a page left blank so the wallet cards' fronts and backs share one sheet. */
  blankPage: string;
  /** Printed on a page left blank so the next part starts on a sheet of its own. */
  blankSheet: string;
  /** How to print and cut the cards, printed on the card sheet outside the cards and marks (before it if the bands are full). */
  cardsDuplex: string;
  cardsFold: string;
}

export interface RenderedDocument {
  html: string;
  blocks: Block[];
  /**
   * Blocks that hold no personal data and are the same objects in every packet with the same non-personal
   * inputs (whole sections, or children of one that names the person), each with a memo where layout may
   * keep what it derives from the block alone.
   */
  sharedBlocks: ReadonlyMap<Block, Map<string, unknown>>;
  lang: string;
  /** The language staff pages put first. */
  staffLang: string;
  languages: DocumentLanguage[];
  furniture: PageFurniture;
  title: string;
  subject: string;
}
