/**
 * Batch plan: which packets a batch makes (counties × languages × variants), their file names, and the
 * generic requests behind them. Every value is checked here, before any packet is made or file opened,
 * and a wrong one is reported with the values that would have been accepted.
 */
import { join } from 'node:path';
import type { Engine } from '../engine.js';
import { PacketError, type FieldIssue } from '../errors.js';
import { defaultDirectoryDir } from '../directory/load-directory.js';
import { loadRegions } from '../directory/regions.js';
import { chooseSecondLanguage } from '../packet/build-packet.js';

export const batchVariants = ['adult', 'youth'] as const;
export type BatchVariant = (typeof batchVariants)[number];

export interface BatchSpec {
  /** County slugs and region ids, or ['all']. */
  counties: string[];
  languages: string[];
  variants: BatchVariant[];
  paper: 'letter' | 'a4';
  largePrint: boolean;
}

export interface BatchItem {
  /** `<county>-<lang>[-youth].pdf` */
  file: string;
  county: string;
  language: string;
  secondLanguage: string;
  variant: BatchVariant;
  /**
   * A generic request: no name, dates, places or contacts, so nothing personal is ever in a batch;
   * those print as labelled lines to fill in by hand.
   */
  request: Record<string, unknown>;
}

export interface BatchPlan {
  spec: BatchSpec;
  items: BatchItem[];
}

export interface PlanOptions {
  directoryDir?: string;
  /** Repeat the whole plan (the benchmark's 10,000 packets); files then get a -<n> suffix after the first round. */
  repeat?: number;
}

/** "a, b,,c" → ["a", "b", "c"]: lists as people type them on a command line. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

export function planBatch(spec: BatchSpec, engine: Engine, options: PlanOptions = {}): BatchPlan {
  const state = engine.directory.states.get(engine.stateId)!;
  const regions = loadRegions(join(options.directoryDir ?? defaultDirectoryDir, engine.stateId), state);
  const countySlugs = state.counties.map((county) => county.slug);
  const localeIds = [...engine.catalogs.locales.keys()];
  const issues: FieldIssue[] = [];

  const counties: string[] = [];
  const unknownCounties: string[] = [];
  for (const name of spec.counties) {
    if (name === 'all') counties.push(...countySlugs);
    else if (state.countyBySlug.has(name)) counties.push(name);
    else {
      const region = regions.find((candidate) => candidate.id === name);
      if (region) counties.push(...region.counties);
      else unknownCounties.push(name);
    }
  }
  if (spec.counties.length === 0 || unknownCounties.length) {
    const choices = ['all', ...regions.map((region) => region.id), ...countySlugs].join(', ');
    issues.push({ path: 'counties', messageKey: 'errors:field.choice', params: { choices } });
  }
  const unknownLanguages = spec.languages.filter((id) => !engine.catalogs.locales.has(id));
  if (spec.languages.length === 0 || unknownLanguages.length) {
    issues.push({ path: 'languages', messageKey: 'errors:field.choice', params: { choices: localeIds.join(', ') } });
  }
  const unknownVariants = spec.variants.filter((variant) => !(batchVariants as readonly string[]).includes(variant));
  if (spec.variants.length === 0 || unknownVariants.length) {
    issues.push({ path: 'variants', messageKey: 'errors:field.choice', params: { choices: batchVariants.join(', ') } });
  }
  if (issues.length) {
    // The detail (for logs) names what was wrong: county, region and language names are public words, never personal.
    const wrong = [...unknownCounties, ...unknownLanguages, ...unknownVariants].join(', ');
    throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: `unknown ${wrong || 'empty list'}` });
  }

  const uniqueCounties = [...new Set(counties)];
  const languages = [...new Set(spec.languages)];
  const variants = [...new Set(spec.variants)];
  const items: BatchItem[] = [];
  const rounds = Math.max(1, options.repeat ?? 1);
  // A repeated round asks for the same packets: its items share the first round's requests (read, never changed).
  const requests = new Map<string, Record<string, unknown>>();
  for (let round = 0; round < rounds; round++) {
    for (const county of uniqueCounties) {
      for (const language of languages) {
        for (const variant of variants) {
          const suffix = `${variant === 'youth' ? '-youth' : ''}${round > 0 ? `-${round + 1}` : ''}`;
          const kind = `${county}|${language}|${variant}`;
          let request = requests.get(kind);
          if (!request) {
            request = { county, language, ...(variant === 'youth' ? { youth: true } : {}), print: { paper: spec.paper, largePrint: spec.largePrint, fillIn: true } };
            requests.set(kind, request);
          }
          items.push({ file: `${county}-${language}${suffix}.pdf`, county, language, secondLanguage: chooseSecondLanguage(language), variant, request });
        }
      }
    }
  }
  return { spec, items };
}
