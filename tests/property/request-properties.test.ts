/**
 * Property-based tests (fast-check) of the one contract, PacketRequest, through every door:
 * - any valid request is accepted (parse, printability, model, document), and a sample of them prints a PDF
 *   that opens, has the pages its sections need and contains the name and every section's title;
 * - any hostile request is refused with field paths that are safe to log (never an unknown key), in a
 *   translated message, never a 5xx, a crash or a hang: in-process, over HTTP and on the command line.
 * Cases per run (CASES in the environment scales them): 4,000 valid parsed, 300 valid rendered to a document,
 * 5,000 hostile in-process, 800 hostile over HTTP, 40 hostile on the CLI, 32 full PDFs read back by poppler:
 * 10,172 in all. The seed is printed by arbitraries.ts; FC_SEED replays it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { isPacketError, type FieldIssue } from '../../src/errors.js';
import { preparePacket, vocabularyOf } from '../../src/generate.js';
import { parsePacketRequest } from '../../src/request/parse-request.js';
import { chooseSections } from '../../src/packet/sections.js';
import { buildApp } from '../../src/server/app.js';
import { main } from '../../src/cli/program.js';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { packetFor, today } from '../support/packets.js';
import { extractText, pageCount } from '../support/poppler.js';
import { hostileRequest, seed, validRequest } from './arbitraries.js';

const engine = getEngine();
const vocabulary = vocabularyOf(engine);
const scale = Number(process.env.CASES ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * scale));
const settings = (numRuns: number) => ({ seed, numRuns: runs(numRuns), endOnFailure: true });
const sandbox = useCliSandbox('release-packet-property-');

/** A field path as we log it: field names we define, array positions, or "#n" for an unknown key. */
const safePath = /^$|^(#\d+|[a-zA-Z]+|\d+)(\.(#\d+|[a-zA-Z]+|\d+))*$/;
const fieldNames = new Set(['cardLayout', 'staffLanguage', 'fillIn', 'language', 'secondLanguage', 'county', 'destinationCounty', 'youth', 'person', 'name', 'release', 'date', 'location', 'iceHold', 'received', 'agencyWillComply', 'releaseInfoSharedWithIce', 'contacts', 'role', 'phone', 'print', 'paper', 'largePrint', 'cards', 'staffChecklist']);

function expectSafeIssues(issues: readonly FieldIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.path).toMatch(safePath);
    for (const part of issue.path.split('.')) if (/^[a-zA-Z]+$/.test(part)) expect(fieldNames).toContain(part);
    for (const lng of ['en', 'es']) {
      const message = engine.catalogs.fixedT(lng)(issue.messageKey, { ...issue.params, interpolation: { escapeValue: false } });
      expect(message, `${issue.messageKey} in ${lng}`).not.toMatch(/^(errors:)?field\./);
    }
  }
}

/** The name's words to find in the PDF's text. */
function nameWords(request: Record<string, unknown>): string[] {
  const name = (request.person as { name?: string } | undefined)?.name ?? '';
  return name.normalize('NFC').split(/\s+/).filter(Boolean);
}

const isArabic = (word: string) => /[\u0600-\u06FF]/.test(word);
const letters = (text: string) => [...text].sort().join('');

/**
 * Whether the text holds the word whole, or in up to three pieces in any order: a word without spaces (a
 * Chinese name) wraps inside itself, and in a right-to-left paragraph poppler reads the wrapped lines back in
 * another order. Every character must still be there, each piece as printed.
 */
function holdsWrapped(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  const chars = [...word];
  for (let first = 1; first < chars.length; first++) {
    const head = chars.slice(0, first).join('');
    if (!text.includes(head)) break;
    for (let second = first + 1; second <= chars.length; second++) {
      const middle = chars.slice(first, second).join('');
      const tail = chars.slice(second).join('');
      if (text.includes(middle) && (!tail || text.includes(tail))) return true;
    }
  }
  return false;
}

/**
 * Whether the extracted text holds the word. An Arabic word is matched by its letters in any order: poppler
 * reads a lam-alef ligature back as alef-lam ("لا" as "ال"), a bidi-order defect of extraction left to the
 * languages issue; a dropped or wrong letter still fails.
 */
function holdsWord(text: string, word: string): boolean {
  // A line mixing directions is read back in visual order, so an Arabic word can land inside a wrapped CJK one.
  if (!isArabic(word)) return holdsWrapped(text.replace(/[\u0600-\u06FF]+/g, ''), word);
  const wanted = letters(word);
  const runs = text.match(/[\u0600-\u06FF]+/g) ?? [];
  return runs.some((run) => letters(run) === wanted || run.length > word.length && [...Array(run.length - word.length + 1).keys()].some((start) => letters(run.slice(start, start + word.length)) === wanted));
}

describe('valid requests', () => {
  it('are all accepted by the schema, the name kept as typed (NFC, trimmed)', () => {
    fc.assert(
      fc.property(validRequest(vocabulary), (request) => {
        const parsed = parsePacketRequest(request, vocabulary);
        const name = (request.person as { name?: string } | undefined)?.name;
        expect(parsed.person?.name).toBe(name?.normalize('NFC').trim());
      }),
      settings(4000),
    );
  });

  it('are all printable and render to a document (model, sections, HTML tree)', () => {
    fc.assert(
      fc.property(validRequest(vocabulary), (request) => {
        const prepared = preparePacket(request, { engine, today });
        expect(prepared.document.lang).toBe(prepared.request.language);
      }),
      settings(300),
    );
  });

  it('print a PDF that opens, with the pages its sections need, the name and every section title', async () => {
    const catalog = (lng: string) => engine.catalogs.fixedT(lng);
    await fc.assert(
      fc.asyncProperty(validRequest(vocabulary), async (request) => {
        const pdf = await packetFor(request);
        const prepared = preparePacket(request, { engine, today });
        const sections = chooseSections(prepared.request);
        // The cover, a sheet of cards (a front and a back, or one folded side), the staff page on a sheet of its own.
        const minimumPages = 2 + (sections.includes('staff-checklist') ? 1 : 0);
        expect(pageCount(pdf)).toBeGreaterThanOrEqual(minimumPages);
        const text = extractText(pdf).normalize('NFC').replace(/\s+/g, '');
        for (const word of nameWords(request)) expect(holdsWord(text, word), `${word} in the PDF text`).toBe(true);
        const t = catalog(prepared.request.language);
        const titles: string[] = [t('packet:rapid.title'), t('packet:legal.title'), t('packet:safeRelease.title'), t('packet:card.frontTitle')];
        if (sections.includes('ice-hold-rights')) titles.push(t('packet:iceHold.title'));
        if (sections.includes('youth-confidentiality')) titles.push(t('packet:youth.title'));
        // The staff banner speaks the packet's own languages (English only when English is one of them).
        if (sections.includes('staff-checklist')) titles.push(t('packet:document.staffOnly'));
        for (const title of titles) {
          // An Arabic title on a page led by another direction is read back in visual order, and a wrapped line's
          // vowel marks may come out on a line of their own: its words by their letters, marks aside.
          if (isArabic(title)) for (const word of title.split(/\s+/).map((w) => w.replace(/[^\u0600-\u064A\u0671-\u06FF]/g, '')).filter(Boolean)) expect(holdsWord(text, word), title).toBe(true);
          else expect(text, title).toContain(title.replace(/\s+/g, ''));
        }
      }),
      settings(32),
    );
  });
});

describe('hostile requests', () => {
  it('are refused with safe field paths and translated messages, never a crash (in-process)', () => {
    let refused = 0;
    fc.assert(
      fc.property(hostileRequest(vocabulary), (request) => {
        try {
          preparePacket(request, { engine, today });
        } catch (error) {
          expect(isPacketError(error), String(error)).toBe(true);
          if (!isPacketError(error)) return;
          expect(error.status).toBeLessThan(500);
          expectSafeIssues(error.issues);
          refused++;
        }
      }),
      settings(5000),
    );
    // Most hostile requests are invalid; a few mutations are harmless (a stripped bidi mark, a boolean).
    expect(refused).toBeGreaterThan(runs(5000) / 2);
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      // No rate limit: 800 requests from one address in seconds is this test, not an abuser (limits are tested apart).
      app = await buildApp({ engine, logger: false, limits: { rateLimitPerMinute: 0 } });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
    });

    it('answer 400 problem+json with safe paths, or the packet, never 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(vocabulary), async (request) => {
          const body = JSON.stringify(request) ?? 'null';
          const response = await app.inject({ method: 'POST', url: '/api/v1/packets', headers: { 'content-type': 'application/json', accept: 'text/html' }, payload: body });
          expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(500);
          if (response.statusCode === 200) return;
          expect(response.statusCode).toBeOneOf([400, 413, 422]);
          const problem = response.json() as { issues: { path: string; message: string }[] };
          for (const issue of problem.issues) expect(issue.path).toMatch(safePath);
        }),
        settings(800),
      );
    });
  });

  it('exit 1 on the command line with each field named on stderr, or print the packet', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(vocabulary), async (request) => {
        sandbox.stderr.length = 0;
        const file = join(sandbox.folder, 'request.json');
        const out = join(sandbox.folder, 'packet.html');
        writeFileSync(file, JSON.stringify(request) ?? 'null');
        const code = await main(['generate', '--request', file, '--format', 'html', '--force', '--out', out]);
        const stderr = sandbox.stderr.join('');
        if (code === 0) return;
        expect(code, stderr).toBe(1);
        expect(stderr).toMatch(/^release-packet: .*\(PKT_ERR_[A-Z_]+\)$/m);
        for (const line of stderr.split('\n').filter((text) => text.startsWith('  '))) expect(line).toMatch(/^ {2}(#\d+|[a-zA-Z]+|\d+|\(request\))(\.(#\d+|[a-zA-Z]+|\d+))*: \S/);
      }),
      settings(40),
    );
  });
});
