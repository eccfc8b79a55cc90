/**
 * What the writer keeps of shared pages (PageLayout.isShared: no personal data, the same for every packet
 * with the same non-personal inputs): their deflated content streams, keyed by the operators themselves,
 * and the operators of their text runs. Bounded; least recently used stream dropped first.
 */

/** A text run's operators apart from its position: `${fontLine}1 0 0 1 x y Tm [${tj}] TJ`. */
export interface RunOperators {
  fontLine: string;
  /** Baseline shift of the run (marks raised by the font), added to y. */
  risePt: number;
  tj: string;
}

/** A shared page deflates to ~2-3 KB and its operators take ~15 KB: the default bounds the cache near 5 MB. */
export const defaultPageStreamEntries = 256;

export class PageStreamCache {
  private readonly streams = new Map<string, Uint8Array>();
  /** By glyph run (TextItem.glyphs, shared by every copy of a memoized line); dies with the run. */
  readonly runs = new WeakMap<object, RunOperators>();

  constructor(private readonly maxEntries = defaultPageStreamEntries) {}

  /** The deflated stream of these operators, from the cache or made by `deflate` and kept. */
  deflated(content: string, deflate: (content: string) => Uint8Array): Uint8Array {
    let stream = this.streams.get(content);
    if (stream) {
      // A Map iterates in insertion order: re-inserting marks the entry most recently used.
      this.streams.delete(content);
    } else {
      stream = deflate(content);
      if (this.streams.size >= this.maxEntries) this.streams.delete(this.streams.keys().next().value!);
    }
    this.streams.set(content, stream);
    return stream;
  }

  get size(): number {
    return this.streams.size;
  }

  /** The operators of every kept stream, for the privacy tests that search them for canaries. */
  contents(): IterableIterator<string> {
    return this.streams.keys();
  }

  clear(): void {
    this.streams.clear();
  }
}
