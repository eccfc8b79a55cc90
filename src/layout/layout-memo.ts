/**
 * Layout kept between packets for blocks shared by them (no personal data, see RenderedDocument.sharedBlocks):
 * laid out once per key in the block's own memo, handed out as copies marked shared.
 */
import type { DrawItem } from './page-layout.js';

/** Copies of memoized pages or slices: pagination moves items in place, and the memo must stay as laid out. */
function copyShared<T extends { items: DrawItem[]; isShared?: boolean }>(holder: T): T {
  return { ...holder, items: holder.items.map((item) => ({ ...item })), isShared: true };
}

/** `memo` undefined: the block is the packet's own, laid out every time. */
export function memoized<T extends { items: DrawItem[]; isShared?: boolean }>(memo: Map<string, unknown> | undefined, key: string, compute: () => T[]): T[] {
  if (!memo) return compute();
  let kept = memo.get(key) as T[] | undefined;
  if (!kept) memo.set(key, (kept = compute()));
  return kept.map(copyShared);
}
