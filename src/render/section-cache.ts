/**
 * Rendered sections that hold no personal data, shared by every packet with the same non-personal inputs.
 * Filled only from a model whose personal fields were emptied (render-document.ts), so nothing a person
 * wrote can land here; bounded, least recently used entry dropped first.
 */
import type { Block } from './document-tree.js';

export interface SharedSection {
  html: string;
  blocks: Block[];
  /**
   * One memo per block kept, for what later stages derive from that block alone (laid-out lines); shared
   * with every section, of any county, that prints an equal block (bounded by the interning limit).
   */
  memos: [Block, Map<string, unknown>][];
  /**
   * The children one level down, by their JSON, each with its own memo: a packet's own rendering of a
   * section that names the person swaps in the children equal to these (render-sections.ts).
   */
  children?: Map<string, { block: Block; derived: Map<string, unknown> }>;
}

/** The shared sections of one set of non-personal inputs, by section id. */
export type SharedSections = Map<string, SharedSection>;

/** Measured: a packet's shared sections take ~450 KB with their laid-out lines; the default bounds the cache near 30 MB. */
export const defaultSectionCacheEntries = 64;

/**
 * Blocks by their content (JSON): most of what a section prints is the same for every county (the rights,
 * the law, the checklists) even when the section names the county, so a batch over 58 counties lays those
 * blocks out once. A block's layout depends only on the block (its language included) and the width and
 * type size, which the layout memo's keys carry.
 */
export const defaultInternedBlockEntries = 4096;

export interface InternedBlocks {
  blocks: Block[];
  /** Every block kept (the given ones or those swapped in, children included), each with its layout memo. */
  memos: [Block, Map<string, unknown>][];
}

export class SectionCache {
  /** Keyed by the non-personal inputs (one long string, hashed once per packet), then by section id. */
  private readonly entries = new Map<string, SharedSections>();

  /** Blocks by JSON, each with its layout memo; least recently used dropped first. */
  private readonly blocks = new Map<string, { block: Block; memo: Map<string, unknown> }>();

  constructor(
    private readonly maxEntries = defaultSectionCacheEntries,
    private readonly maxBlocks = defaultInternedBlockEntries,
  ) {}

  /**
   * Swaps each block (and, in a new group, each child) equal to one kept for the kept one, memo and all;
   * keeps the new ones. Only for blocks rendered without personal fields (render-sections.ts).
   */
  internBlocks(blocks: Block[]): InternedBlocks {
    const memos: [Block, Map<string, unknown>][] = [];
    // Children first, so each block is turned into JSON once: a group's key is its own fields and its children's keys.
    const intern = (block: Block): { block: Block; key: string } => {
      const children = block.type === 'group' ? block.children.map(intern) : undefined;
      const key = children ? `${JSON.stringify({ ...block, children: [] })}${children.map((child) => child.key).join('\u0001')}` : JSON.stringify(block);
      let kept = this.blocks.get(key);
      if (kept) this.blocks.delete(key);
      else {
        if (block.type === 'group') block.children = children!.map((child) => child.block);
        kept = { block, memo: new Map() };
        if (this.blocks.size >= this.maxBlocks) this.blocks.delete(this.blocks.keys().next().value!);
      }
      this.blocks.set(key, kept);
      memos.push([kept.block, kept.memo]);
      return { block: kept.block, key };
    };
    return { blocks: blocks.map((block) => intern(block).block), memos };
  }

  /** The sections kept for these inputs, empty at first; marks them most recently used. */
  sectionsFor(key: string): SharedSections {
    let sections = this.entries.get(key);
    if (sections) {
      // A Map iterates in insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
    } else {
      sections = new Map();
    }
    this.entries.set(key, sections);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return sections;
  }

  get size(): number {
    return this.entries.size;
  }

  get internedSize(): number {
    return this.blocks.size;
  }

  /** Everything held, both levels, for the privacy tests that search it for canaries. */
  contents(): [string, unknown][] {
    return [...this.entries.entries(), ...this.blocks.entries()];
  }

  clear(): void {
    this.entries.clear();
    this.blocks.clear();
  }
}
