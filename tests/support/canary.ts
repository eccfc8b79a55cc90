/**
 * Canary values for the privacy gate (DESIGN.md 6): a distinct, unmistakable value in EVERY personal field,
 * each in every form it could leak in (the release date as typed, as a Date's JSON, as printed in either
 * language; a phone with or without its punctuation), and the searches that look for them: in text, in
 * files written during a run, in a PDF's strings and metadata. Extend a gate (staff form, batch) by sending
 * `canaryRequest()` through it and passing what it leaves behind to `expectNoCanary` or `filesWrittenSince`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, type PDFObject } from 'pdf-lib';

/** One value per personal field; none appears anywhere in the code, the data or the catalogs. */
export const canaries = {
  name: 'CANARYNAME7Q',
  releasePlace: 'CANARYPLACE4K',
  attorneyName: 'CANARYLAWYER2M',
  attorneyPhone: '(555) 013-7719',
  familyName: 'CANARYKIN3X',
  familyPhone: '555-017-4402 ext. 61',
  /** A date no packet, catalog or directory entry holds. */
  releaseDate: '2031-07-19',
} as const;

/** A request with every personal field filled with a canary. */
export function canaryRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    language: 'es',
    county: 'fresno',
    person: { name: canaries.name },
    release: { date: canaries.releaseDate, location: canaries.releasePlace },
    contacts: [
      { role: 'attorney', name: canaries.attorneyName, phone: canaries.attorneyPhone },
      { role: 'family', name: canaries.familyName, phone: canaries.familyPhone },
    ],
    ...overrides,
  };
}

/** Every form a canary may take once code has handled it. */
export const canaryForms: readonly string[] = [
  canaries.name,
  canaries.releasePlace,
  canaries.attorneyName,
  canaries.familyName,
  canaries.attorneyPhone,
  '5550137719',
  '013-7719',
  '555-017-4402',
  '5550174402',
  canaries.releaseDate,
  '2031-07-19T',
  'July 19, 2031',
  'Jul 19, 2031',
  '19 de julio de 2031',
  '19 jul 2031',
  String(Date.UTC(2031, 6, 19)),
  // Any canary word cut short (a truncated log line, a prefix in a file name).
  'CANARYNAME',
  'CANARYPLACE',
  'CANARYLAWYER',
  'CANARYKIN',
];

/** The canary forms found in `text`, none when it is clean. */
export function findCanaries(text: string): string[] {
  return canaryForms.filter((form) => text.includes(form));
}

/** Fails naming where a canary was found and which. */
export function expectNoCanary(where: string, text: string): void {
  const found = findCanaries(text);
  if (found.length) throw new Error(`personal data in ${where}: ${found.join(', ')}`);
}

/** Text of a buffer as it might hold a canary: UTF-8, and UTF-16 both ways (PDF text strings, Windows tools). */
export function textForms(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  swapped.swap16();
  return [buffer.toString('latin1'), buffer.toString('utf8'), buffer.toString('utf16le'), swapped.toString('utf16le')].join('\n');
}

/**
 * The canaries in bytes of any size: a large file (another test's heap snapshot, written under the temp folder
 * during the run) is read in overlapping slices, since its text forms joined exceed V8's longest string.
 */
export function canariesIn(bytes: Uint8Array): string[] {
  const slice = 16 * 1024 * 1024;
  // Even, so UTF-16 stays aligned; longer than any canary form in any encoding.
  const overlap = 1024;
  if (bytes.length <= slice) return findCanaries(textForms(bytes));
  const found = new Set<string>();
  for (let start = 0; start < bytes.length; start += slice - overlap) {
    for (const form of findCanaries(textForms(bytes.subarray(start, start + slice)))) found.add(form);
  }
  return [...found];
}

export type FileSnapshot = Map<string, string>;

/** Folders a run must not leave behind: skipped because they are not written by the code under test. */
const skipped = new Set(['node_modules', '.git', '.stryker-tmp', 'reports']);

/** Size and modification time of every file under `roots`. */
export function snapshotFiles(roots: readonly string[]): FileSnapshot {
  const files: FileSnapshot = new Map();
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(path);
      } else if (entry.isFile()) {
        try {
          const stat = statSync(path);
          files.set(path, `${stat.size}:${stat.mtimeMs}`);
        } catch {
          // Removed between listing and stat: another process's temporary file.
        }
      }
    }
  };
  for (const root of roots) walk(root);
  return files;
}

/** Files under `roots` created or changed since `before`, each with the canaries it holds (empty if clean). */
export function filesWrittenSince(before: FileSnapshot, roots: readonly string[]): { path: string; canaries: string[] }[] {
  const written: { path: string; canaries: string[] }[] = [];
  for (const [path, stamp] of snapshotFiles(roots)) {
    if (before.get(path) === stamp) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    written.push({ path, canaries: canariesIn(bytes) });
  }
  return written;
}

function decodeStream(stream: PDFStream): Uint8Array {
  const contents = stream instanceof PDFRawStream ? stream.contents : stream.getContents();
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (!filter) return contents;
  try {
    return inflateSync(contents);
  } catch {
    return contents;
  }
}

/** The text of a PDF string object as a reader would see it, and its raw bytes. */
function stringForms(value: PDFString | PDFHexString): string {
  return `${value.decodeText()}\n${textForms(value.asBytes())}`;
}

export interface PdfStrings {
  /** Every string object outside the page content (Info, whatever its keys, the catalog, fonts, annotations). */
  objects: string[];
  /** The XMP metadata stream, if any. */
  xmp: string;
  /** Every stream decoded, content streams included, with the hex strings in it decoded too. */
  streams: string[];
}

/** Everything a PDF carries as text, apart from what pdftotext reads off its pages. */
export async function pdfStrings(pdf: Uint8Array): Promise<PdfStrings> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const objects: string[] = [];
  const streams: string[] = [];
  const visit = (object: PDFObject | undefined, seen: Set<PDFObject>) => {
    if (!object || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFRef) visit(document.context.lookup(object), seen);
    else if (object instanceof PDFString || object instanceof PDFHexString) objects.push(stringForms(object));
    else if (object instanceof PDFName) objects.push(object.decodeText());
    else if (object instanceof PDFArray) for (const item of object.asArray()) visit(item, seen);
    else if (object instanceof PDFDict) {
      for (const [key, item] of object.entries()) {
        visit(key, seen);
        visit(item, seen);
      }
    }
    else if (object instanceof PDFStream) {
      visit(object.dict, seen);
      const decoded = Buffer.from(decodeStream(object)).toString('latin1');
      // Hex strings in a stream (<...>), decoded as bytes, as UTF-16 and as Latin-1.
      const hex = [...decoded.matchAll(/<([0-9A-Fa-f\s]+)>/g)].map((match) => textForms(Buffer.from(match[1]!.replace(/\s/g, ''), 'hex'))).join('\n');
      streams.push(`${decoded}\n${hex}`);
    }
  };
  const seen = new Set<PDFObject>();
  visit(document.context.trailerInfo.Info, seen);
  visit(document.context.trailerInfo.Root, seen);
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object, seen);
  const metadata = document.catalog.get(PDFName.of('Metadata'));
  const xmpStream = metadata ? document.context.lookup(metadata) : undefined;
  const xmp = xmpStream instanceof PDFStream ? Buffer.from(decodeStream(xmpStream)).toString('utf8') : '';
  return { objects, xmp, streams };
}
