/**
 * DESIGN.md 6: no personal field in any log line, error message, header, file name or PDF metadata.
 * Requests carry canary strings in every personal field; every place they must not reach is searched for "CANARY".
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';
import { getEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { buildApp, defaultLogger } from '../../src/server/app.js';

const canary = 'CANARY';

interface CanaryRequest {
  county: string;
  person: { name: string };
  release: { date: string; location: string };
  contacts: { role: string; name: string; phone: string }[];
}

function canaryRequest(): CanaryRequest {
  return JSON.parse(readFileSync(new URL('../fixtures/requests/canary-personal-fields.json', import.meta.url), 'utf8')) as CanaryRequest;
}

/** The canary request with one field made invalid: a name 220 characters long, built from the canary. */
function withTooLongName(): CanaryRequest {
  const request = canaryRequest();
  request.person.name = 'CANARY-NAME-91d2 '.repeat(13);
  return request;
}

function withBadDate(): CanaryRequest {
  const request = canaryRequest();
  request.release.date = '2026-02-30';
  return request;
}

const today = new Date('2026-11-27T00:00:00Z');

describe('server logs and headers', () => {
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

  async function post(payload: string | object): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'POST',
      url: '/api/v1/packets',
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  }

  function expectNoCanary(response: LightMyRequestResponse): void {
    // The logger is really listening: a request that left no line would prove nothing.
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes(canary))).toEqual([]);
    expect(JSON.stringify(response.headers)).not.toContain(canary);
  }

  it('logs no personal field of a valid request, and sends none back in a header', async () => {
    const response = await post(canaryRequest());
    expect(response.statusCode).toBe(200);
    expectNoCanary(response);
  });

  it('logs no personal field of a request rejected for a too-long name', async () => {
    const response = await post(withTooLongName());
    expect(response.statusCode).toBe(400);
    expect(lines.some((line) => line.includes('person.name'))).toBe(true);
    expectNoCanary(response);
  });

  it('logs no personal field of a request rejected for a bad date', async () => {
    const response = await post(withBadDate());
    expect(response.statusCode).toBe(400);
    expect(lines.some((line) => line.includes('release.date'))).toBe(true);
    expectNoCanary(response);
  });

  it('logs no personal field of a body that is not valid JSON (the parser error quotes the input)', async () => {
    const response = await post('{"county": "fresno", "person": {"name": CANARY-NAME-91d2}}');
    expect(response.statusCode).toBe(400);
    expectNoCanary(response);
  });

  it('keeps personal fields out of the problem body of a rejected request', async () => {
    const response = await post(withTooLongName());
    expect(response.body).not.toContain(canary);
  });
});

describe('release-packet generate on disk and stderr', () => {
  const sandbox = useCliSandbox('release-packet-canary-');

  it('writes only the requested output file for a packet with a canary name', async () => {
    expect(readdirSync(sandbox.folder)).toEqual([]);
    const code = await main(['generate', '--county', 'fresno', '--name', 'CANARY-NAME-91d2', '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(0);
    expect(readdirSync(sandbox.folder)).toEqual(['packet.pdf']);
    expect(sandbox.stderr.join('')).not.toContain(canary);
  });

  it('writes only the requested output file for a request file full of canaries', async () => {
    writeFileSync(join(sandbox.folder, 'request.json'), JSON.stringify(canaryRequest()));
    const code = await main(['generate', '--request', join(sandbox.folder, 'request.json'), '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(0);
    expect(readdirSync(sandbox.folder).sort()).toEqual(['packet.pdf', 'request.json']);
    expect(sandbox.stderr.join('')).not.toContain(canary);
  });

  it('prints no canary on sandbox.stderr when the canary name is too long', async () => {
    const code = await main(['generate', '--county', 'fresno', '--name', 'CANARY-NAME-91d2 '.repeat(13), '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).toContain('person.name');
    expect(sandbox.stderr.join('')).not.toContain(canary);
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('prints no canary on sandbox.stderr when a request file with canaries has a bad date', async () => {
    writeFileSync(join(sandbox.folder, 'request.json'), JSON.stringify(withBadDate()));
    const code = await main(['generate', '--request', join(sandbox.folder, 'request.json'), '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).toContain('release.date');
    expect(sandbox.stderr.join('')).not.toContain(canary);
    expect(readdirSync(sandbox.folder)).toEqual(['request.json']);
  });

  it('prints no canary on sandbox.stderr when the request file is broken JSON around a canary', async () => {
    writeFileSync(join(sandbox.folder, 'request.json'), '{"county": "fresno", "person": {"name": CANARY-NAME-91d2}}');
    const code = await main(['generate', '--request', join(sandbox.folder, 'request.json'), '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).not.toContain(canary);
  });
});

describe('PDF document metadata', () => {
  it('keeps the person, the release place and the contacts out of the title, subject, author and keywords', async () => {
    const bytes = await generatePacket(canaryRequest(), { engine: getEngine(), today });
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const metadata = [document.getTitle(), document.getSubject(), document.getAuthor(), document.getKeywords(), document.getCreator(), document.getProducer()];
    expect(document.getTitle()).toBeTruthy();
    expect(metadata.filter((value) => value?.includes(canary))).toEqual([]);
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

describe('shared section cache', () => {
  it('holds no personal field after packets full of canaries, yet holds their shared sections', async () => {
    const engine = getEngine();
    engine.sectionCache.clear();
    const request = canaryRequest();
    await generatePacket(request, { engine, today });
    // Without contacts the cards and the release checklist are shared too: the name and release must stay out.
    await generatePacket({ ...request, contacts: [] }, { engine, today });
    const held: string[] = [];
    collectText([...engine.sectionCache.contents()], held);
    expect(held.join('\n')).toContain('Fresno');
    expect(held.filter((text) => text.includes(canary))).toEqual([]);
  });

  it('prints nothing of an earlier packet\'s person in the next packet', async () => {
    const engine = getEngine();
    await generatePacket(canaryRequest(), { engine, today });
    const next = await generatePacket({ county: 'fresno', language: 'en', person: { name: 'Ana' } }, { engine, today });
    expect(Buffer.from(next).toString('latin1')).not.toContain(canary);
    const { extractText } = await import('../support/poppler.js');
    expect(extractText(next)).not.toContain(canary);
  });
});

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

describe('shared page streams', () => {
  it('keeps no page that draws a personal field, and no glyph subset for one packet alone', async () => {
    const engine = getEngine();
    engine.pageStreams.clear();
    const request = canaryRequest();
    await generatePacket(request, { engine, today });
    await generatePacket({ ...request, contacts: [] }, { engine, today });
    const pages = [...engine.pageStreams.contents()];
    expect(pages.length).toBeGreaterThan(0);
    const text = pages.map(decodeContent).join('\n');
    expect(text).toContain('Fresno');
    expect(text).not.toContain(canary);
    expect(pages.filter((content) => content.includes('/X'))).toEqual([]);
  });
});
