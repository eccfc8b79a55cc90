/**
 * The batch manifest (manifest.csv and manifest.json): one row per packet with what a print shop or an
 * auditor needs to trust the stack: file, county, languages, variant, pages, bytes, SHA-256, how recent the
 * directory data it prints is, whether each language's translation was reviewed, and the generator.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Engine } from '../engine.js';
import { creator, vocabularyOf } from '../generate.js';
import { parsePacketRequest } from '../request/parse-request.js';
import { buildPacket } from '../packet/build-packet.js';
import { countPdfPages } from '../pdf/count-pages.js';
import type { BatchItem, BatchPlan } from './plan-batch.js';

export interface ManifestRow {
  file: string;
  county: string;
  /** Person's language first, then the second language: "es+en". */
  languages: string;
  variant: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Oldest and newest date (confirmed with the organization, or of the source) of the directory lines printed, YYYY-MM-DD. */
  directoryDataOldest: string;
  directoryDataNewest: string;
  /** Some printed line comes from an undated source. */
  directoryDataHasUndated: boolean;
  /** Review status of each language's translation: "es:draft en:reviewed". */
  localeStatus: string;
  generator: string;
}

export interface Manifest {
  generator: string;
  printedOn: string;
  paper: string;
  largePrint: boolean;
  packets: ManifestRow[];
}

const isoDay = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : '');

/** Builds rows as packets arrive; the per-packet facts that do not depend on the bytes are worked out once per kind. */
export class ManifestBuilder {
  private readonly rows: ManifestRow[] = [];
  private readonly facts = new Map<string, Pick<ManifestRow, 'directoryDataOldest' | 'directoryDataNewest' | 'directoryDataHasUndated' | 'localeStatus'>>();

  constructor(
    private readonly plan: BatchPlan,
    private readonly engine: Engine,
    private readonly today: Date,
  ) {}

  private factsOf(item: BatchItem) {
    const key = `${item.county}|${item.language}|${item.variant}`;
    let known = this.facts.get(key);
    if (!known) {
      const model = buildPacket(parsePacketRequest(item.request, vocabularyOf(this.engine)), { catalogs: this.engine.catalogs, directory: this.engine.directory, today: this.today }, this.engine.stateId);
      const { confirmed, listed } = model.dataDates;
      const dates = [confirmed?.oldest, confirmed?.newest, listed?.oldest, listed?.newest].filter((date): date is Date => date !== undefined);
      const times = dates.map((date) => date.getTime());
      known = {
        directoryDataOldest: times.length ? isoDay(new Date(Math.min(...times))) : '',
        directoryDataNewest: times.length ? isoDay(new Date(Math.max(...times))) : '',
        directoryDataHasUndated: listed?.hasUndated === true,
        localeStatus: model.languages.map((language) => `${language.id}:${this.engine.catalogs.locales.get(language.id)?.meta.status ?? 'unknown'}`).join(' '),
      };
      this.facts.set(key, known);
    }
    return known;
  }

  add(item: BatchItem, pdf: Uint8Array): ManifestRow {
    const row: ManifestRow = {
      file: item.file,
      county: item.county,
      languages: `${item.language}+${item.secondLanguage}`,
      variant: item.variant,
      pages: countPdfPages(pdf),
      bytes: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      ...this.factsOf(item),
      generator: creator,
    };
    this.rows.push(row);
    return row;
  }

  manifest(): Manifest {
    return { generator: creator, printedOn: isoDay(this.today), paper: this.plan.spec.paper, largePrint: this.plan.spec.largePrint, packets: this.rows };
  }
}

export const manifestColumns: (keyof ManifestRow)[] = ['file', 'county', 'languages', 'variant', 'pages', 'bytes', 'sha256', 'directoryDataOldest', 'directoryDataNewest', 'directoryDataHasUndated', 'localeStatus', 'generator'];

/** Rows turned into text at a time: a 10,000-packet manifest is written out without ever being one string. */
const rowsPerChunk = 256;

/** manifest.csv, a few hundred rows at a time: the header, then the rows in order. */
export function* manifestCsvChunks(manifest: Manifest): Generator<string> {
  const rows = manifest.packets;
  yield stringify(rows.slice(0, rowsPerChunk), { header: true, columns: manifestColumns });
  for (let start = rowsPerChunk; start < rows.length; start += rowsPerChunk) {
    yield stringify(rows.slice(start, start + rowsPerChunk), { header: false, columns: manifestColumns });
  }
}

/** manifest.json, a few hundred rows at a time: the text `JSON.stringify(manifest, null, 2)` gives, and a newline. */
export function* manifestJsonChunks(manifest: Manifest): Generator<string> {
  const { packets, ...head } = manifest;
  if (packets.length === 0) {
    yield `${JSON.stringify(manifest, null, 2)}\n`;
    return;
  }
  // The head without its closing "\n}", then the packets as the last member, each row indented two levels.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "packets": [\n`;
  for (let start = 0; start < packets.length; start += rowsPerChunk) {
    const rows = packets.slice(start, start + rowsPerChunk).map((row) => JSON.stringify(row, null, 2).replace(/^/gm, '    '));
    yield rows.join(',\n') + (start + rowsPerChunk < packets.length ? ',\n' : '');
  }
  yield '\n  ]\n}\n';
}

export const manifestCsv = (manifest: Manifest): string => [...manifestCsvChunks(manifest)].join('');

export const manifestJson = (manifest: Manifest): string => [...manifestJsonChunks(manifest)].join('');

/** The manifest files and their text, chunk by chunk. */
export const manifestChunks = (manifest: Manifest): [name: string, chunks: () => Iterable<string>][] => [
  ['manifest.csv', () => manifestCsvChunks(manifest)],
  ['manifest.json', () => manifestJsonChunks(manifest)],
];
