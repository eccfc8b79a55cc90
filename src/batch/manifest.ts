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

export function manifestCsv(manifest: Manifest): string {
  return stringify(manifest.packets, { header: true, columns: manifestColumns });
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
