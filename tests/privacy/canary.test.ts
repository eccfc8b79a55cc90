/**
 * DESIGN.md 6, the privacy gate: no personal field in any log line (at any level), header, error body, file
 * written anywhere under the OS temp folder or the working directory, PDF string or metadata (Info, whatever
 * its keys; XMP), cache, or the next person's packet. Every personal field carries a canary
 * (tests/support/canary.ts) in every form it could take, and each place is searched for all of them.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { canaries, canariesIn, canaryRequest, expectNoCanary, filesWrittenSince, findCanaries, pdfStrings, snapshotFiles, type FileSnapshot } from '../support/canary.js';
import { extractText, squash } from '../support/poppler.js';
import { today } from '../support/packets.js';
import { main } from '../../src/cli/program.js';
import { getEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { buildApp, defaultLogger } from '../../src/server/app.js';

/** Everywhere a run may write: the temp folder (and its subfolders) and the working directory. */
const roots = [tmpdir(), process.cwd()];
let filesBefore: FileSnapshot;

beforeAll(() => {
  filesBefore = snapshotFiles(roots);
  getEngine();
});

/** Requests that fail in every way a person's data can reach an error path. */
const rejected: Record<string, unknown>[] = [
  canaryRequest({ person: { name: `${canaries.name} `.repeat(20) } }),
  canaryRequest({ release: { date: '2031-07-32', location: canaries.releasePlace } }),
  canaryRequest({ person: canaries.name }),
  canaryRequest({ [canaries.name]: canaries.attorneyPhone }),
  canaryRequest({ contacts: [{ role: 'attorney', name: canaries.attorneyName, phone: `${canaries.attorneyPhone} call ${canaries.name}` }] }),
  canaryRequest({ person: { name: `${canaries.name} \u0007` } }),
  canaryRequest({ county: canaries.releasePlace.toLowerCase() }),
];

describe('server: logs at trace level, headers and error bodies', () => {
  const lines: string[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    // The production logger options (serializers, redaction), at the most talkative level, into memory.
    const productionOptions = typeof defaultLogger === 'object' ? defaultLogger : {};
    app = await buildApp({
      engine: getEngine(),
      logger: { ...productionOptions, level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    lines.length = 0;
  });

  const post = (payload: string | object, accept = 'application/pdf') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { 'content-type': 'application/json', accept },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  function expectClean(response: LightMyRequestResponse, { body }: { body: boolean }): void {
    // The logger is really listening: a request that left no line would prove nothing.
    expect(lines.length).toBeGreaterThan(0);
    expectNoCanary('the log', lines.join('\n'));
    expectNoCanary('the response headers', JSON.stringify(response.headers));
    if (body) expectNoCanary('the response body', response.body);
  }

  it('logs no personal field of a valid request and sends none back in a header', async () => {
    const response = await post(canaryRequest());
    expect(response.statusCode).toBe(200);
    expectClean(response, { body: false });
  });

  it('logs none for the HTML preview either (whose body rightly holds them)', async () => {
    const response = await post(canaryRequest(), 'text/html');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(canaries.name);
    expectClean(response, { body: false });
  });

  rejected.forEach((request, index) => {
    it(`keeps the personal fields of rejected request ${index + 1} out of logs, headers and the problem body`, async () => {
      const response = await post(request);
      expect(response.statusCode).toBe(400);
      expectClean(response, { body: true });
    });
  });

  it('keeps them out when the body is not JSON (the parser\'s error quotes the input)', async () => {
    const response = await post(`{"county": "fresno", "person": {"name": ${canaries.name}}, "release": {"date": "${canaries.releaseDate}"}}`);
    expect(response.statusCode).toBe(400);
    expectClean(response, { body: true });
  });

  it('keeps a name put in a URL out of the log and the answer', async () => {
    for (const url of [`/api/v1/packets/${canaries.name}`, `/api/v1/directory?county=fresno&name=${canaries.name}`, `/${canaries.name}?date=${canaries.releaseDate}`]) {
      lines.length = 0;
      const response = await app.inject({ method: 'GET', url });
      expectClean(response, { body: true });
    }
  });
});

describe('release-packet generate: stderr, stdout and the files it leaves', () => {
  const sandbox = useCliSandbox('release-packet-canary-');
  const stdout: string[] = [];

  beforeEach(() => {
    stdout.length = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1'));
      // The writer waits for the write's callback, as it must on a real pipe.
      const done = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write);
  });

  afterEach(() => {
    expectNoCanary('stderr', sandbox.stderr.join(''));
  });

  const requestFile = (request: Record<string, unknown> | string) => {
    const path = join(sandbox.folder, 'request.json');
    writeFileSync(path, typeof request === 'string' ? request : JSON.stringify(request));
    return path;
  };

  it('writes only the requested file, for flags and for a request file full of canaries', async () => {
    const fromFlags = await main(['generate', '--county', 'fresno', '--lang', 'es', '--name', canaries.name, '--out', join(sandbox.folder, 'flags.pdf')]);
    const fromFile = await main(['generate', '--request', requestFile(canaryRequest()), '--out', join(sandbox.folder, 'file.pdf')]);
    expect([fromFlags, fromFile]).toEqual([0, 0]);
    expect(readdirSync(sandbox.folder).sort()).toEqual(['file.pdf', 'flags.pdf', 'request.json']);
    expectNoCanary('stdout', stdout.join(''));
  });

  it('puts nothing but the PDF on stdout with --out -, and no canary in its strings or metadata', async () => {
    expect(await main(['generate', '--request', requestFile(canaryRequest()), '--out', '-'])).toBe(0);
    const pdf = Buffer.from(stdout.join(''), 'latin1');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const strings = await pdfStrings(pdf);
    expectNoCanary('the PDF\'s string objects', strings.objects.join('\n'));
    expectNoCanary('the PDF\'s streams', strings.streams.join('\n'));
  });

  rejected.forEach((request, index) => {
    it(`exits 1 for rejected request ${index + 1}, saying which field, never what it held`, async () => {
      expect(await main(['generate', '--request', requestFile(request), '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
      expect(sandbox.stderr.join('')).toMatch(/^\s+\S+: /m);
      expect(readdirSync(sandbox.folder)).toEqual(['request.json']);
      expectNoCanary('stdout', stdout.join(''));
    });
  });

  it('exits 1 for a request file that is not JSON, quoting none of it', async () => {
    const broken = `{"county": "fresno", "person": {"name": ${canaries.name}}, "release": {"date": "${canaries.releaseDate}"}}`;
    expect(await main(['generate', '--request', requestFile(broken), '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
  });

  it('exits 1 for a name too long given as a flag, quoting none of it', async () => {
    expect(await main(['generate', '--county', 'fresno', '--name', `${canaries.name} `.repeat(20), '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
  });
});

describe('the search itself', () => {
  it('sees a canary in a custom Info key (name or value), in XMP, and in a compressed hex string', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    const info = document.context.lookup(document.context.trailerInfo.Info) as PDFDict;
    info.set(PDFName.of('PreparedFor'), PDFHexString.fromText(canaries.name));
    info.set(PDFName.of(canaries.familyName), PDFString.of('x'));
    const xmp = document.context.stream(`<x:xmpmeta><dc:description>${canaries.releaseDate}</dc:description></x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' });
    document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
    page.node.set(PDFName.of('Contents'), document.context.register(document.context.flateStream(`BT <${Buffer.from(canaries.attorneyName, 'latin1').toString('hex')}> Tj ET`)));
    const strings = await pdfStrings(await document.save({ useObjectStreams: true }));
    expect(findCanaries(strings.objects.join('\n'))).toEqual(expect.arrayContaining([canaries.name, canaries.familyName]));
    expect(findCanaries(strings.xmp)).toContain(canaries.releaseDate);
    expect(findCanaries(strings.streams.join('\n'))).toContain(canaries.attorneyName);
  });

  it('sees a canary in a file written under the temp folder, in UTF-16 too', () => {
    const folder = mkdtempSync(join(tmpdir(), 'release-packet-canary-self-'));
    try {
      const before = snapshotFiles([folder]);
      writeFileSync(join(folder, 'a.log'), Buffer.from(`name=${canaries.name}`, 'utf16le'));
      expect(filesWrittenSince(before, [folder])).toEqual([{ path: join(folder, 'a.log'), canaries: expect.arrayContaining([canaries.name]) }]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the PDF', () => {
  it('prints the canaries on the page, so the searches below would see them', async () => {
    const text = squash(extractText(await generatePacket(canaryRequest(), { engine: getEngine(), today })));
    for (const value of [canaries.name, canaries.releasePlace, canaries.attorneyName, canaries.attorneyPhone, canaries.familyName, '19 de julio de 2031', 'July 19, 2031']) {
      expect(text).toContain(value);
    }
  });

  it('holds no personal field in any string object, Info key (standard or not), XMP, or decoded stream', async () => {
    for (const language of ['es', 'en']) {
      const strings = await pdfStrings(await generatePacket(canaryRequest({ language }), { engine: getEngine(), today }));
      expect(strings.objects.length).toBeGreaterThan(10);
      expectNoCanary('the PDF\'s string objects and names', strings.objects.join('\n'));
      expectNoCanary('the XMP metadata', strings.xmp);
      expectNoCanary('the PDF\'s decoded streams', strings.streams.join('\n'));
    }
  });

  it('prints nothing of an earlier packet\'s person in the next packet, text or streams', async () => {
    const engine = getEngine();
    await generatePacket(canaryRequest(), { engine, today });
    const next = await generatePacket({ county: 'fresno', language: 'es', person: { name: 'Ana' }, contacts: [{ role: 'attorney', name: 'Luis', phone: '(559) 555-0100' }] }, { engine, today });
    expectNoCanary('the next packet\'s text', extractText(next));
    expectNoCanary('the next packet\'s streams', (await pdfStrings(next)).streams.join('\n'));
  });
});

/** Every string held under `value`, glyph runs turned back into their characters; font objects skipped. */
function collectText(value: unknown, out: string[], seen = new Set<unknown>()): void {
  if (typeof value === 'string') {
    out.push(value);
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      collectText(key, out, seen);
      collectText(entry, out, seen);
    }
    return;
  }
  if (value instanceof Set || Array.isArray(value)) {
    for (const entry of value) collectText(entry, out, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.glyphs)) {
    out.push((record.glyphs as { codePoints: number[] }[]).map((glyph) => String.fromCodePoint(...glyph.codePoints)).join(''));
  }
  // A face is the parsed font: megabytes of tables, and nothing a request can reach.
  for (const [key, entry] of Object.entries(record)) if (key !== 'face' && key !== 'glyphs') collectText(entry, out, seen);
}

/** The text a content stream draws, read back through the prepared fonts' glyph tables. */
function decodeContent(content: string): string {
  const { prepared } = getEngine();
  const characters = new Map<string, string>();
  for (const [faceIndex, program] of prepared) {
    program.hexByGlyph.forEach((hex, glyphId) => {
      if (hex) characters.set(`F${faceIndex}:${hex}`, String.fromCodePoint(...program.face.font.getGlyph(glyphId).codePoints));
    });
  }
  let resource = '';
  let text = '';
  for (const [, font, hex] of content.matchAll(/\/([FX]\d+) [\d.]+ Tf|<([0-9a-f]{4})>/g)) {
    if (font) resource = font;
    else text += characters.get(`${resource}:${hex}`) ?? '\u0000';
  }
  return text;
}

describe('what the engine keeps between packets', () => {
  it('holds no personal field in the section cache, yet holds the shared sections', async () => {
    const engine = getEngine();
    engine.sectionCache.clear();
    await generatePacket(canaryRequest(), { engine, today });
    // Without contacts the cards and the release checklist are shared too: the name and release must stay out.
    await generatePacket(canaryRequest({ contacts: [] }), { engine, today });
    const held: string[] = [];
    collectText([...engine.sectionCache.contents()], held);
    expect(held.join('\n')).toContain('Fresno');
    expect(held.filter((text) => findCanaries(text).length > 0)).toEqual([]);
  });

  it('keeps no page stream that draws a personal field, and no glyph subset made for one packet', async () => {
    const engine = getEngine();
    engine.pageStreams.clear();
    await generatePacket(canaryRequest(), { engine, today });
    await generatePacket(canaryRequest({ contacts: [] }), { engine, today });
    const pages = [...engine.pageStreams.contents()];
    expect(pages.length).toBeGreaterThan(0);
    const text = pages.map(decodeContent).join('\n');
    expect(text).toContain('Fresno');
    expectNoCanary('the page-stream cache', text);
    expect(pages.filter((content) => content.includes('/X'))).toEqual([]);
  });

  it('keeps no personal field anywhere the engine can reach (memos, caches, templates)', async () => {
    const engine = getEngine();
    await generatePacket(canaryRequest(), { engine, today });
    const held: string[] = [];
    collectText({ ...engine, fontSet: undefined, prepared: undefined }, held);
    expect(held.filter((text) => findCanaries(text).length > 0)).toEqual([]);
  });
});

describe('files written during the run', () => {
  it('finds a canary in a large file read in slices, across a slice boundary too', () => {
    // A heap snapshot written by another test under the temp folder made the search throw "Invalid string length".
    const big = Buffer.alloc(40 * 1024 * 1024, 0x20);
    const name = Buffer.from(canaries.name, 'utf8');
    name.copy(big, 16 * 1024 * 1024 - 4);
    expect(canariesIn(big)).toContain(canaries.name);
    expect(canariesIn(Buffer.alloc(40 * 1024 * 1024, 0x20))).toEqual([]);
  });

  // Last in this file: every request above has run by now (tests in a file run in order).
  it('left no file holding a personal field under the temp folder or the working directory', () => {
    const written = filesWrittenSince(filesBefore, roots);
    expect(written.filter((file) => file.canaries.length > 0)).toEqual([]);
  });
});
