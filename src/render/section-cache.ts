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
   * One memo per block, for what later stages derive from that block alone (laid-out lines). It lives and
   * dies with the entry, so it is bounded by the same limit.
   */
  derived: Map<string, unknown>[];
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

export class SectionCache {
  /** Keyed by the non-personal inputs (one long string, hashed once per packet), then by section id. */
  private readonly entries = new Map<string, SharedSections>();

  constructor(private readonly maxEntries = defaultSectionCacheEntries) {}

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

  /** Everything held, for the privacy tests that search it for canaries. */
  contents(): IterableIterator<[string, SharedSections]> {
    return this.entries.entries();
  }

  clear(): void {
    this.entries.clear();
  }
}
