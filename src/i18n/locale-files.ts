/**
 * Reads one JSON file of a locale folder so that whatever is wrong can be told by line: a syntax error at
 * its line, and any key's line for later findings. jsonc-parser gives offsets in every Node version
 * (JSON.parse's messages carry a position only in some, and none at an unexpected end).
 */
import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { LocaleFinding } from './locale-findings.js';

export interface JsonFile {
  /** Relative to the locales folder: "ko/packet.json". */
  file: string;
  text: string;
  value: unknown;
  /** 1-based line of the value at a path of object keys, or of the nearest parent that exists. */
  lineOf(path: readonly string[]): number | undefined;
}

export type ReadResult = { ok: true; json: JsonFile } | { ok: false; finding: LocaleFinding };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/** `absolutePath` is read; `file` (relative) is what findings name. */
export function readJsonFile(absolutePath: string, file: string, locale: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch {
    return { ok: false, finding: { locale, code: 'file-missing', severity: 'error', file, message: 'file is missing or unreadable' } };
  }
  // A byte-order mark is invisible in editors and harmless: drop it rather than fail the file.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // JSON.parse decides (it is strict and native); jsonc-parser's tree, which gives lines, is built only to
  // place an error or when a finding asks for a key's line: most starts never need it.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first || !tree) {
      const offset = first?.offset ?? text.length;
      const what = first ? printParseErrorCode(first.error) : 'EmptyFile';
      return { ok: false, finding: { locale, code: 'json-syntax', severity: 'error', file, line: lineAt(text, offset), message: `not valid JSON (${what})` } };
    }
    // jsonc-parser is more lenient than JSON in corners (e.g. control characters in strings).
    return { ok: false, finding: { locale, code: 'json-syntax', severity: 'error', file, line: 1, message: `not valid JSON (${(cause as Error).message})` } };
  }
  let tree: Node | undefined;
  const lineOf = (path: readonly string[]): number | undefined => {
    tree ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })!;
    for (let length = path.length; length >= 0; length--) {
      const node: Node | undefined = length === 0 ? tree : findNodeAtLocation(tree, path.slice(0, length) as string[]);
      // A property's value node: its parent is the property, which starts at the key.
      if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
  return { ok: true, json: { file, text, value, lineOf } };
}
