/**
 * Text that does not fit its fixed box, found by laying out real packets: the locale as the person's
 * language, every section on, on Letter and A4, normal and large print, for the county whose wallet card
 * carries the most hotline lines. Whatever box the layout cannot fill (the wallet card above all) throws
 * PKT_ERR_LAYOUT_OVERFLOW; the strings to shorten are then found by putting English back one string at a
 * time, longest translation (relative to its English) first, until the packet fits.
 */
import { isPacketError } from '../errors.js';
import { fontCoverageOf, getEngine, type Engine } from '../engine.js';
import { preparePacket, layoutPacket, vocabularyOf } from '../generate.js';
import { compileTemplates } from '../render/templates.js';
import { SectionCache } from '../render/section-cache.js';
import { buildCatalogs, type CatalogTree, type Locale } from './catalogs.js';
import { flattenCatalog } from './catalog-rules.js';
import type { LocaleFinding } from './locale-findings.js';
import { parsePacketRequest } from '../request/parse-request.js';
import { buildPacket } from '../packet/build-packet.js';

/** Strings that print inside a fixed box: tried first when looking for what to shorten. */
const fixedBoxPrefixes = ['packet:card.', 'packet:document.'];

interface Variant {
  paper: 'letter' | 'a4';
  largePrint: boolean;
}

const variants: Variant[] = [
  { paper: 'letter', largePrint: false },
  { paper: 'a4', largePrint: false },
  { paper: 'letter', largePrint: true },
  { paper: 'a4', largePrint: true },
];

/** The county whose card lists the most hotline numbers: the tallest card front. */
function tallestCardCounty(engine: Engine): string {
  const { countySlugs } = vocabularyOf(engine);
  let best = countySlugs[0]!;
  let bestLines = -1;
  for (const county of countySlugs) {
    const request = parsePacketRequest({ county }, vocabularyOf(engine));
    const model = buildPacket(request, { catalogs: engine.catalogs, directory: engine.directory, today: new Date(Date.UTC(2026, 0, 1)) }, engine.stateId);
    const lines = model.directory.releaseNetworks.reduce((sum, entry) => sum + entry.phones.length, 0);
    if (lines > bestLines) [best, bestLines] = [county, lines];
  }
  return best;
}

/** With catalogs of their own, on the base engine's fonts, directory and shaped words. */
function engineWith(base: Engine, locales: Map<string, Locale>): Engine {
  const catalogs = buildCatalogs(locales, []);
  return { ...base, catalogs, templates: compileTemplates(catalogs), sectionCache: new SectionCache() };
}

/** The overflow message of the first variant that does not fit, or undefined when all fit. */
function firstOverflow(engine: Engine, tag: string, county: string): string | undefined {
  for (const variant of variants) {
    const request = {
      language: tag,
      county,
      youth: true,
      iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true },
      // Write-in lines filled, as staff may: the card's tallest form.
      contacts: [
        { role: 'attorney', name: 'Alexandra Montgomery-Villanueva', phone: '+1 (555) 010-0199 ext. 1234' },
        { role: 'emergency', name: 'Maximiliano Hernández-Castellanos', phone: '+1 (555) 010-0188' },
      ],
      print: { paper: variant.paper, largePrint: variant.largePrint, staffChecklist: true },
    };
    try {
      layoutPacket(preparePacket(request, { engine, today: new Date(Date.UTC(2026, 0, 1)) }), engine);
    } catch (error) {
      if (isPacketError(error) && error.code === 'PKT_ERR_LAYOUT_OVERFLOW') return `${variant.paper}${variant.largePrint ? ', large print' : ''}: ${error.message}`;
      if (isPacketError(error) && error.code === 'PKT_ERR_LAYOUT_MISSING_GLYPH') return undefined; // reported as glyph-missing
      throw error;
    }
  }
  return undefined;
}

function mapStrings(tree: CatalogTree, map: (text: string) => string): CatalogTree {
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? map(value) : mapStrings(value, map)]));
}

function withEnglishFor(tree: CatalogTree, english: CatalogTree, path: string[]): CatalogTree {
  const [head, ...rest] = path;
  const copy: CatalogTree = { ...tree };
  if (!head) return copy;
  copy[head] = rest.length ? withEnglishFor((tree[head] as CatalogTree) ?? {}, english[head] as CatalogTree, rest) : (english[head] as string);
  return copy;
}

/**
 * Overflow findings of each locale. `locales` may include ones the loader would leave out: their missing
 * keys are filled from English for the measurement only (they are reported as missing anyway).
 */
export function findOverflows(english: Locale, locales: Locale[], base: Engine = getEngine()): LocaleFinding[] {
  const findings: LocaleFinding[] = [];
  const { canDraw } = fontCoverageOf(base.fontSet);
  // Characters no font draws are their own finding; for measuring, an "x" stands in for each.
  const drawable = (text: string) => [...text].map((character) => (canDraw(character.codePointAt(0)!) || character === '\n' ? character : 'x')).join('');
  const county = tallestCardCounty(base);
  for (const original of locales) {
    const namespaces = Object.keys(english.catalogs);
    const filled = (catalogs: Record<string, CatalogTree>): Locale => {
      const complete: Record<string, CatalogTree> = {};
      for (const namespace of namespaces) {
        let tree = mapStrings(catalogs[namespace] ?? {}, drawable);
        const have = flattenCatalog(tree).entries;
        for (const [key, entry] of flattenCatalog(english.catalogs[namespace]).entries) {
          if (!have.has(key)) tree = withEnglishFor(tree, english.catalogs[namespace]!, entry.path);
        }
        complete[namespace] = tree;
      }
      return { ...original, catalogs: complete };
    };
    let candidate = filled(original.catalogs);
    const measure = (locale: Locale) => firstOverflow(engineWith(base, new Map([['en', english], [locale.id, locale]])), locale.id, county);
    let overflow: string | undefined;
    try {
      overflow = measure(candidate);
    } catch (error) {
      // A template that cannot render this locale (e.g. a broken placeholder) is already a finding of its own.
      if (isPacketError(error)) continue;
      throw error;
    }
    if (!overflow) continue;

    // Put English back, one string at a time, the most grown first, until it fits.
    const grown: { namespace: string; key: string; path: string[]; ratio: number }[] = [];
    for (const namespace of namespaces) {
      const englishEntries = flattenCatalog(english.catalogs[namespace]).entries;
      for (const [key, entry] of flattenCatalog(candidate.catalogs[namespace]).entries) {
        const source = englishEntries.get(key);
        if (!source || !fixedBoxPrefixes.some((prefix) => `${namespace}:${key}`.startsWith(prefix))) continue;
        grown.push({ namespace, key, path: entry.path, ratio: [...entry.text].length / Math.max(1, [...source.text].length) });
      }
    }
    grown.sort((a, b) => b.ratio - a.ratio);
    const culprits: typeof grown = [];
    for (const item of grown) {
      candidate = { ...candidate, catalogs: { ...candidate.catalogs, [item.namespace]: withEnglishFor(candidate.catalogs[item.namespace]!, english.catalogs[item.namespace]!, item.path) } };
      culprits.push(item);
      if (!measure(candidate)) break;
    }
    const isResolved = !measure(candidate);
    for (const item of isResolved ? culprits : []) {
      const file = original.files[item.namespace];
      findings.push({
        locale: original.id,
        code: 'overflow',
        severity: 'error',
        file: file?.file ?? `${original.id}/${item.namespace}.json`,
        ...(file ? { line: file.lineOf(item.path) } : {}),
        key: `${item.namespace}:${item.key}`,
        message: `too long for its fixed box (${Math.round(item.ratio * 100)}% of the English): ${overflow}`,
      });
    }
    if (!isResolved) {
      findings.push({ locale: original.id, code: 'overflow', severity: 'error', file: `${original.id}/packet.json`, message: `a fixed box overflows even with English card text: ${overflow}` });
    }
  }
  return findings;
}
