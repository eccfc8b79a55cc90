/** What is wrong (or worth a look) in a locale folder, said by file, line and key, for people and for tests. */

export type FindingCode =
  | 'folder-name' // a folder under locales/ whose name is not a canonical BCP 47 tag (pt-br for pt-BR)
  | 'file-missing' // meta.json or a catalog file absent
  | 'json-syntax' // a file that is not valid JSON
  | 'meta-invalid' // meta.json does not match the schema
  | 'not-a-string' // a catalog leaf that is not a string (a number, an array)
  | 'key-missing' // English has the key, the locale does not
  | 'key-extra' // the locale has a key English does not
  | 'placeholder-mismatch' // {{names}} differ from English's
  | 'markup-mismatch' // <tags> differ from English's
  | 'plural-missing' // a plural form the language needs (Intl.PluralRules) is absent
  | 'script-uncovered' // meta.json's script has no bundled font
  | 'glyph-missing' // a character no bundled font can draw
  | 'overflow' // text that does not fit its fixed box at the smallest allowed size
  | 'needs-review' // the English this string was translated from has changed since
  | 'untracked' // no record of the English this string was translated from
  | 'source-hashes-invalid'; // source-hashes.json is not valid

export type Severity = 'error' | 'warning';

export interface LocaleFinding {
  /** The folder name under locales/ (a locale id, or the non-canonical name that was found). */
  locale: string;
  code: FindingCode;
  severity: Severity;
  /** Path relative to the locales folder: "ko/packet.json". */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** "namespace:dotted.key", or a meta.json field name. */
  key?: string;
  /** English, for maintainers: names files, keys and code points, never a person's data. */
  message: string;
}

/** Findings that keep a locale out of the service (a packet would print wrong or raw text). */
export function isBlocking(finding: LocaleFinding): boolean {
  return finding.severity === 'error' && finding.code !== 'overflow';
}

/** One line per finding, the way compilers print them: "ko/packet.json:12 packet:card.door: …". */
export function formatFinding(finding: LocaleFinding): string {
  const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
  const key = finding.key ? ` ${finding.key}` : '';
  return `${finding.severity} ${where}${key}: ${finding.message} [${finding.code}]`;
}
