/** The one entry point: PacketRequest → PDF bytes (or HTML preview), one call per pipeline stage. */
import { parsePacketRequest } from './request/parse-request.js';
import type { PacketRequest, RequestVocabulary } from './request/schema.js';
import { buildPacket, type PacketModel } from './packet/build-packet.js';
import { renderDocument } from './render/render-document.js';
import type { RenderedDocument } from './render/document-tree.js';
import { layoutDocument } from './layout/layout-document.js';
import type { PageLayout } from './layout/page-layout.js';
import { ShapeCache } from './layout/shape.js';
import { findUnprintable } from './layout/itemize.js';
import { writePdf } from './pdf/write-pdf.js';
import { renderPreview } from './render/render-preview.js';
import { PacketError, type FieldIssue } from './errors.js';
import { getEngine, type Engine } from './engine.js';

export const creator = 'release-packet 0.1.0';

export interface GenerateOptions {
  /** "Today" for the printed date and the staleness of directory entries; pinned in tests. */
  today?: Date;
  engine?: Engine;
}

/** Today at midnight UTC: the printed date and the day staleness is judged on. */
export function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const vocabularies = new WeakMap<Engine, RequestVocabulary>();

/**
 * The locale ids and county slugs a request may name: one object per engine, because the request schema
 * (and zod's compiled fast path for it) is memoized by this object; a fresh one cost ~0.4 ms a packet.
 */
export function vocabularyOf(engine: Engine): RequestVocabulary {
  let vocabulary = vocabularies.get(engine);
  if (!vocabulary) {
    vocabulary = {
      localeIds: [...engine.catalogs.locales.keys()],
      countySlugs: engine.directory.states.get(engine.stateId)?.counties.map((county) => county.slug) ?? [],
      locales: [...engine.catalogs.locales.values()].map(({ id, meta }) => ({ id, name: meta.name, englishName: meta.englishName })),
      counties: engine.directory.states.get(engine.stateId)?.counties.map(({ slug, name }) => ({ slug, name })) ?? [],
    };
    vocabularies.set(engine, vocabulary);
  }
  return vocabulary;
}

/** Free text must be printable with the bundled fonts: say which field, never print an empty box. */
function checkPrintable(request: PacketRequest, engine: Engine): void {
  const fields: [string, string | undefined][] = [
    ['person.name', request.person?.name],
    ['release.location', request.release?.location],
    ...request.contacts.map((contact, index): [string, string | undefined] => [`contacts.${index}.name`, contact.name]),
  ];
  const issues: FieldIssue[] = [];
  for (const [path, text] of fields) {
    if (!text) continue;
    const missing = findUnprintable(engine.fontSet, text);
    if (missing.length) {
      const characters = missing.map((codePoint) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      issues.push({ path, messageKey: 'errors:field.unprintable', params: { characters } });
    }
  }
  if (issues.length) throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => `${issue.path} unprintable`).join('; ') });
}

export interface PreparedPacket {
  request: PacketRequest;
  model: PacketModel;
  document: RenderedDocument;
}

export function preparePacket(input: unknown, options: GenerateOptions = {}): PreparedPacket {
  const engine = options.engine ?? getEngine();
  const request = parsePacketRequest(input, vocabularyOf(engine));
  checkPrintable(request, engine);
  const model = buildPacket(request, { catalogs: engine.catalogs, directory: engine.directory, today: options.today ?? todayUtc() }, engine.stateId);
  const document = renderDocument(model, { catalogs: engine.catalogs, templates: engine.templates, sectionCache: engine.sectionCache });
  return { request, model, document };
}

export function layoutPacket(prepared: PreparedPacket, engine: Engine = getEngine()): PageLayout[] {
  // A fresh memo over the frozen one: this packet's own words are forgotten with it.
  const cache = new ShapeCache(engine.frozenShapes);
  return layoutDocument(
    prepared.document,
    { paper: prepared.model.paper, isLargePrint: prepared.model.isLargePrint, cardCount: prepared.model.cardCount, cardLayout: prepared.model.cardLayout },
    { fontSet: engine.fontSet, cache },
  );
}

export interface GeneratedPacket {
  pdf: Uint8Array;
  pageCount: number;
  /** Locale ids in print order: the person's language, then the second. */
  languages: string[];
}

/** The PDF with what a caller may report about it (the CLI's "wrote … 10 pages, es + en"). */
export async function generatePacketWithSummary(input: unknown, options: GenerateOptions = {}): Promise<GeneratedPacket> {
  const engine = options.engine ?? getEngine();
  const prepared = preparePacket(input, { ...options, engine });
  const pages = layoutPacket(prepared, engine);
  const pdf = await writePdf(
    pages,
    { title: prepared.document.title, subject: prepared.document.subject, lang: prepared.document.lang, creator, date: prepared.model.printedOn },
    { fontSet: engine.fontSet, prepared: engine.prepared, pageStreams: engine.pageStreams },
  );
  return { pdf, pageCount: pages.length, languages: prepared.document.languages.map((language) => language.id) };
}

export async function generatePacket(input: unknown, options: GenerateOptions = {}): Promise<Uint8Array> {
  return (await generatePacketWithSummary(input, options)).pdf;
}

export function generatePreview(input: unknown, options: GenerateOptions = {}): string {
  const engine = options.engine ?? getEngine();
  const prepared = preparePacket(input, { ...options, engine });
  return renderPreview(prepared.document, engine.templates);
}
