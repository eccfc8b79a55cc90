/**
 * Rendered sections that hold no personal data, shared by every packet with the same non-personal inputs.
 * Filled only from a model whose personal fields were emptied (render-document.ts), so nothing a person
 * wrote can land here; bounded, least recently used entry dropped first.
 */
import type { Block } from './document-tree.js';
import { parseBlocks, type ElementMemo } from './parse-blocks.js';

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

/** An element's source as kept: its block (none when it prints nothing) and every block kept under it, each with its memo. */
interface KeptSource {
  block: Block | undefined;
  kept: [Block, Map<string, unknown>][];
}

export interface InternedBlocks {
  blocks: Block[];
  /** Every block kept (the given ones or those swapped in, children included), each with its layout memo. */
  memos: [Block, Map<string, unknown>][];
}

/**
 * Sets `key` as the most recently used entry of `map` (a Map iterates in insertion order, so re-inserting
 * moves it last) and drops the least recently used beyond `max`; returns `value`.
 */
function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

export class SectionCache {
  /** Keyed by the non-personal inputs (one long string, hashed once per packet), then by section id. */
  private readonly entries = new Map<string, SharedSections>();

  /** Blocks by JSON, each with its layout memo; least recently used dropped first. */
  private readonly blocks = new Map<string, { block: Block; memo: Map<string, unknown> }>();

  /** The JSON key of each block kept: a group's key is made of its children's. */
  private readonly keys = new WeakMap<Block, string>();

  /**
   * Kept blocks by the element source they were parsed from (with the language and direction it inherits):
   * an element printed again as it was skips the parser and the JSON above. Least recently used dropped first.
   */
  private readonly sources = new Map<string, KeptSource>();

  constructor(
    private readonly maxEntries = defaultSectionCacheEntries,
    private readonly maxBlocks = defaultInternedBlockEntries,
  ) {}

  /** The kept block equal to this one (whose children, if any, are kept ones), or this one, kept from now on. */
  private keep(block: Block): { block: Block; memo: Map<string, unknown> } {
    const key = block.type === 'group' ? `${JSON.stringify({ ...block, children: [] })}${block.children.map((child) => this.keys.get(child)).join('\u0001')}` : JSON.stringify(block);
    let kept = this.blocks.get(key);
    if (!kept) {
      kept = { block, memo: new Map() };
      this.keys.set(block, key);
    }
    return keepRecent(this.blocks, key, kept, this.maxBlocks);
  }

  /**
   * Swaps each block (and, in a new group, each child) equal to one kept for the kept one, memo and all;
   * keeps the new ones. Only for blocks rendered without personal fields (render-sections.ts).
   */
  internBlocks(blocks: Block[]): InternedBlocks {
    const memos: [Block, Map<string, unknown>][] = [];
    // Children first: a group's key is its own fields and its children's keys.
    const intern = (block: Block): Block => {
      if (block.type === 'group') block.children = block.children.map(intern);
      const kept = this.keep(block);
      memos.push([kept.block, kept.memo]);
      return kept.block;
    };
    return { blocks: blocks.map(intern), memos };
  }

  /**
   * A section's HTML rendered without personal fields, parsed and interned as internBlocks does, except that
   * an element (at the top or in a group) whose source was parsed before is not parsed again: most of a
   * county's section is word for word another county's.
   */
  parseShared(html: string, lang: string, dirOf: (lang: string) => 'ltr' | 'rtl'): InternedBlocks {
    const memos: [Block, Map<string, unknown>][] = [];
    const memo: ElementMemo = (source, inherited, build) => {
      const sourceKey = `${inherited.lang}\u0000${inherited.dir}\u0000${source}`;
      let entry = this.sources.get(sourceKey);
      if (entry) {
        for (const pair of entry.kept) memos.push(pair);
      } else {
        // The blocks under this element are kept (and their memos listed) while it is built.
        const start = memos.length;
        const built = build();
        const kept = built && this.keep(built);
        if (kept) memos.push([kept.block, kept.memo]);
        entry = { block: kept?.block, kept: memos.slice(start) };
      }
      return keepRecent(this.sources, sourceKey, entry, this.maxBlocks).block;
    };
    return { blocks: parseBlocks(html, lang, dirOf, memo), memos };
  }

  /** The sections kept for these inputs, empty at first; marks them most recently used. */
  sectionsFor(key: string): SharedSections {
    return keepRecent(this.entries, key, this.entries.get(key) ?? new Map(), this.maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  get internedSize(): number {
    return this.blocks.size;
  }

  /** Everything held, both levels, for the privacy tests that search it for canaries. */
  contents(): [string, unknown][] {
    return [...this.entries.entries(), ...this.blocks.entries(), ...this.sources.entries()];
  }

  clear(): void {
    this.entries.clear();
    this.blocks.clear();
    this.sources.clear();
  }
}
