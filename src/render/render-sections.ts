/**
 * Renders a packet section by section (the partials packet.hbs calls, in model.sections order). A section
 * that prints no personal field for this packet is rendered from the model with every personal field
 * emptied and shared through the SectionCache: Handlebars and the HTML parser then run only for the
 * sections that name the person (cover, and the cards and checklist when they list contacts), and even
 * there the children that do not name anyone are the shared ones, so layout keeps theirs.
 */
import type { PacketModel } from '../packet/build-packet.js';
import type { SectionId } from '../packet/sections.js';
import { PacketError, isPacketError } from '../errors.js';
import type { Block } from './document-tree.js';
import { parseBlocks } from './parse-blocks.js';
import type { SectionCache, SharedSection, SharedSections } from './section-cache.js';
import type { CompiledTemplate, Templates } from './templates.js';

/** The personal fields of the model (DESIGN.md 6). */
type PersonalField = 'person' | 'release' | 'contacts' | 'lawyer' | 'emergencyContact';

/**
 * Which personal fields each section's template prints. A section not listed prints none; the
 * section-cache test fails if a template starts printing one that is not listed here.
 */
const personalFieldsBySection: Partial<Record<SectionId, PersonalField[]>> = {
  cover: ['person', 'release', 'contacts'],
  'rights-card': ['lawyer', 'emergencyContact'],
  'safe-release': ['contacts'],
};

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/**
 * The model with every personal field emptied: what shared sections are rendered from, and keyed by.
 * Fields are copied by name, not by omission: a field added to the model later stays out until someone
 * decides it is not personal (meanwhile a shared section that prints it throws, strict mode, and one that
 * tests it renders differently from packet.hbs, which tests/pdf/section-cache.test.ts catches).
 */
export function withoutPersonalFields(model: PacketModel): PacketModel {
  return {
    sections: model.sections,
    has: model.has,
    languages: model.languages,
    primary: model.primary,
    secondary: model.secondary,
    paper: model.paper,
    isLargePrint: model.isLargePrint,
    isFillIn: model.isFillIn,
    cardCount: model.cardCount,
    cardLayout: model.cardLayout,
    staffLanguage: model.staffLanguage,
    ...(model.cardHotline ? { cardHotline: model.cardHotline } : {}),
    state: model.state,
    county: model.county,
    ...(model.destinationCounty ? { destinationCounty: model.destinationCounty } : {}),
    iceHold: model.iceHold,
    directory: model.directory,
    printedOn: model.printedOn,
    dataDates: model.dataDates,
    lawCheckedOn: model.lawCheckedOn,
    person: {},
    release: {},
    contacts: [],
  };
}

function runTemplate(template: CompiledTemplate, context: unknown): string {
  try {
    return template(context);
  } catch (cause) {
    if (isPacketError(cause)) throw cause;
    // Handlebars messages can quote the data they were given: keep them out of the error text.
    throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { cause, detail: cause instanceof Error ? cause.name : 'template failure' });
  }
}

export interface RenderedSections {
  html: string;
  blocks: Block[];
  /** Blocks that came from the cache (top-level, or children of a section that names the person), each with its memo. */
  sharedBlocks: ReadonlyMap<Block, Map<string, unknown>>;
}

export interface SectionDeps {
  templates: Templates;
  dirOf: (lang: string) => 'ltr' | 'rtl';
  sectionCache?: SectionCache;
}

/**
 * In a section that names the person, the children (one level down) equal to those of the same section
 * rendered without personal fields are swapped for the shared objects, so their layout is kept as well.
 */
function shareEqualChildren(own: Block[], entry: SharedSection, sharedBlocks: Map<Block, Map<string, unknown>>): void {
  if (!entry.children) {
    entry.children = new Map();
    for (const block of entry.blocks) {
      if (block.type === 'group') for (const child of block.children) entry.children.set(JSON.stringify(child), { block: child, derived: new Map() });
    }
  }
  for (const block of own) {
    if (block.type !== 'group') continue;
    block.children = block.children.map((child) => {
      const twin = entry.children!.get(JSON.stringify(child));
      if (!twin) return child;
      sharedBlocks.set(twin.block, twin.derived);
      return twin.block;
    });
  }
}

export function renderSections(model: PacketModel, deps: SectionDeps): RenderedSections {
  const { templates, dirOf, sectionCache } = deps;
  const lang = model.primary.id;
  const html: string[] = [];
  const blocks: Block[] = [];
  const sharedBlocks = new Map<Block, Map<string, unknown>>();
  let shared: { model: PacketModel; sections: SharedSections } | undefined;
  /** The section rendered from the model without personal fields, from the cache or rendered and kept. */
  const sharedSection = (cache: SectionCache, id: SectionId, template: CompiledTemplate): SharedSection => {
    // The key is everything a template can read: the whole model without its personal fields.
    if (!shared) {
      const sharedModel = withoutPersonalFields(model);
      shared = { model: sharedModel, sections: cache.sectionsFor(JSON.stringify(sharedModel)) };
    }
    let entry = shared.sections.get(id);
    if (!entry) {
      const sectionHtml = runTemplate(template, shared.model);
      // Blocks another county's packet printed the same are swapped for those, their layout with them.
      const { blocks: sectionBlocks, memos } = cache.parseShared(sectionHtml, lang, dirOf);
      entry = { html: sectionHtml, blocks: sectionBlocks, memos };
      shared.sections.set(id, entry);
    }
    return entry;
  };
  for (const id of model.sections) {
    const template = templates.partials.get(id);
    if (!template) throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail: `no template for section ${id}` });
    const isPersonal = (personalFieldsBySection[id] ?? []).some((field) => isFilled(model[field]));
    if (isPersonal || !sectionCache) {
      const sectionHtml = runTemplate(template, model);
      html.push(sectionHtml);
      const own = parseBlocks(sectionHtml, lang, dirOf);
      if (sectionCache) shareEqualChildren(own, sharedSection(sectionCache, id, template), sharedBlocks);
      blocks.push(...own);
      continue;
    }
    const entry = sharedSection(sectionCache, id, template);
    html.push(entry.html);
    blocks.push(...entry.blocks);
    for (const [block, memo] of entry.memos) sharedBlocks.set(block, memo);
  }
  return { html: html.join('\n'), blocks, sharedBlocks };
}
