/** Type sizes and spacing: body text 11 pt (14 pt large print), never below 8.5 pt for source notes; black on white. */
import type { Block } from '../render/document-tree.js';
import type { InlineStyle } from '../render/document-tree.js';

export interface TextStyle {
  sizePt: number;
  lineHeightPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  baseStyle: InlineStyle;
  align: 'start' | 'center';
}

export interface StyleSheet {
  bodyPt: number;
  styleFor(block: Block): TextStyle;
  /** Margins that survive office printers: most cannot print the outer 6 mm; we keep 15 mm. */
  marginPt: { top: number; side: number; bottom: number };
  indentPt: number;
}

export function createStyleSheet(isLargePrint: boolean, bodyPt?: number): StyleSheet {
  const body = bodyPt ?? (isLargePrint ? 14 : 11);
  const make = (sizePt: number, baseStyle: InlineStyle, spaceBeforeEm: number, spaceAfterEm: number, align: TextStyle['align'] = 'start'): TextStyle => ({
    sizePt,
    lineHeightPt: Math.round(sizePt * 1.32 * 10) / 10,
    spaceBeforePt: sizePt * spaceBeforeEm,
    spaceAfterPt: sizePt * spaceAfterEm,
    baseStyle,
    align,
  });
  const styles = {
    h1: make(body * 1.9, 'bold', 0, 0.3),
    h2: make(body * 1.35, 'bold', 0.7, 0.35),
    h3: make(body * 1.12, 'bold', 0.6, 0.2),
    body: make(body, 'regular', 0, 0.45),
    lead: make(body * 1.1, 'regular', 0.2, 0.5),
    subtitle: make(body * 1.35, 'regular', 0, 0.8),
    personName: make(body * 2, 'bold', 0.4, 0.6),
    phone: make(body * 1.45, 'bold', 0.15, 0.1),
    small: make(Math.max(Math.min(9, body), body * 0.85), 'regular', 0, 0.25),
    source: make(Math.max(Math.min(8, body), body * 0.75), 'regular', 0, 0.2),
    verify: make(body, 'bold', 0.1, 0.15),
    tableCell: make(Math.max(9.5, body * 0.9), 'regular', 0, 0),
  };
  return {
    bodyPt: body,
    marginPt: { top: 56, side: 42, bottom: 56 },
    indentPt: body * 1.6,
    styleFor(block) {
      const has = (name: string) => block.classes.includes(name);
      if (block.type === 'heading') return block.level === 1 ? styles.h1 : block.level === 2 ? styles.h2 : styles.h3;
      if (block.type === 'table') return styles.tableCell;
      if (has('person-name')) return styles.personName;
      if (has('subtitle')) return styles.subtitle;
      if (has('phone')) return styles.phone;
      if (has('verify')) return styles.verify;
      if (has('source')) return styles.source;
      if (has('small')) return styles.small;
      if (has('lead')) return styles.lead;
      return styles.body;
    },
  };
}
