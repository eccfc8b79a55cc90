/** The staff form through app.inject(): rendered without JavaScript, posted as url-encoded fields named by request path. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { createRequestSchema } from '../../src/request/schema.js';
import { buildTracedApp } from '../support/traced-app.js';
import { buildApp } from '../../src/server/app.js';
import { PacketError } from '../../src/errors.js';
import { createInProcessRenderer } from '../../src/worker/render-pool.js';
import { extractText, squash } from '../support/poppler.js';

let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  app = await buildTracedApp(lines);
});

afterAll(async () => {
  await app.close();
});

const postForm = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/packets', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(fields).toString() });

const youthWithHold = {
  ui: 'en',
  county: 'fresno',
  language: 'es',
  'person.name': 'Nguyễn Thị Hoa',
  youth: 'true',
  'iceHold.received': 'true',
  'iceHold.agencyWillComply': 'false',
  'release.date': '2026-12-01',
  'release.location': 'Puerta principal',
  'contacts.0.role': 'family',
  'contacts.0.name': 'Trần Văn Minh',
  'contacts.0.phone': '559-555-0101',
  'print.paper': 'letter',
  'print.cards': '4',
  delivery: 'attachment',
  action: 'pdf',
};

describe('GET /', () => {
  it('renders the form in English by default, with a label for every field and no inline script', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/<form id="packet-form" method="post" action="\/packets"/);
    for (const match of html.matchAll(/<input[^>]* id="([^"]+)"[^>]*>|<select id="([^"]+)"/g)) {
      const id = match[1] ?? match[2];
      if (/type="hidden"/.test(match[0])) continue;
      expect(html, `label for ${id}`).toContain(`for="${id}"`);
    }
    // Scripts only from files: the CSP (script-src 'self') forbids inline ones.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('names its fields by request path, every one known to the request schema', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).body;
    const names = new Set([...html.matchAll(/<(?:input|select|button)[^>]*\sname="([^"]+)"/g)].map((match) => match[1]!));
    const schema = z.toJSONSchema(createRequestSchema(vocabularyOf(getEngine())), { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }> };
    const known = (path: string) => {
      const [head, ...rest] = path.split('.');
      const node = schema.properties[head!];
      if (!node) return false;
      if (rest.length === 0) return true;
      if (node.items) return /^\d+$/.test(rest[0]!) && rest[1]! in node.items.properties;
      return rest[0]! in (node.properties ?? {});
    };
    const requestFields = [...names].filter((name) => !['ui', 'action', 'delivery'].includes(name));
    expect(requestFields.filter((name) => !known(name))).toEqual([]);
    // One contact row on a new form; "add another" brings the rest (tests/server/form-contacts.test.ts).
    for (const path of ['language', 'secondLanguage', 'county', 'destinationCounty', 'youth', 'person.name', 'release.date', 'release.location', 'iceHold.received', 'iceHold.agencyWillComply', 'iceHold.releaseInfoSharedWithIce', 'contacts.0.role', 'contacts.0.name', 'contacts.0.phone', 'print.paper', 'print.largePrint', 'print.cards', 'print.staffChecklist']) {
      expect(names, path).toContain(path);
    }
  });

  it('has a control for every field of the request schema (print.cardLayout, staffLanguage and fillIn were missing)', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).body;
    const names = new Set([...html.matchAll(/<(?:input|select)[^>]*\sname="([^"]+)"/g)].map((match) => match[1]!.replace(/\.\d+\./, '.')));
    type Node = { type?: string; properties?: Record<string, Node>; items?: Node };
    const schema = z.toJSONSchema(createRequestSchema(vocabularyOf(getEngine())), { io: 'input', unrepresentable: 'any' }) as Node;
    // Leaves as the form names them, an array's item fields without their index: "contacts.name".
    const leaves = (node: Node, prefix: string): string[] =>
      Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
        const inner = child.type === 'array' ? child.items ?? {} : child;
        return inner.properties ? leaves(inner, `${prefix}${key}.`) : [`${prefix}${key}`];
      });
    const fields = leaves(schema, '');
    expect(fields.length).toBeGreaterThan(15);
    expect(fields.filter((field) => !names.has(field))).toEqual([]);
  });

  it('takes the card layout, the staff pages\' language and fill-in lines through to the packet, and places their errors', async () => {
    const fields = { ui: 'en', county: 'fresno', language: 'es', 'print.cardLayout': 'fold', 'print.staffChecklist': 'true', 'print.staffLanguage': 'es', 'print.fillIn': 'true' };
    const response = await postForm(fields);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const refused = await postForm({ ...fields, 'print.staffLanguage': 'klingon', 'print.cardLayout': 'sideways' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/<p class="error" id="f-print-staffLanguage-error">/);
    expect(refused.body).toMatch(/<a href="#f-print-staffLanguage">Language of the staff pages: /);
    // A radio group's error sits in its fieldset, which the summary links to.
    expect(refused.body).toMatch(/<fieldset class="radios has-error" id="f-print-cardLayout">\s*<legend>[^<]*<\/legend>\s*<p class="error" id="f-print-cardLayout-error">Choose one of: duplex, fold\.<\/p>/);
    expect(refused.body).toContain('<a href="#f-print-cardLayout">How wallet cards are printed: Choose one of: duplex, fold.</a>');
  });

  it('speaks Spanish for Accept-Language: es-MX, and switches with ?ui=', async () => {
    const spanish = await app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(spanish.body).toContain('<html lang="es"');
    expect(spanish.body).toContain('Condado de liberación');
    expect(spanish.headers['content-language']).toBe('es');
    const english = await app.inject({ method: 'GET', url: '/?ui=en', headers: { 'accept-language': 'es' } });
    expect(english.body).toContain('Release county');
  });

  it('serves its stylesheet and script as files', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/ui/form.css' })).headers['content-type']).toMatch(/^text\/css/);
    expect((await app.inject({ method: 'GET', url: '/assets/ui/form.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/ui/../../package.json' })).statusCode).toBe(404);
  });
});

describe('POST /packets', () => {
  it('answers the PDF of a youth release with an ICE hold, with the Vietnamese name in its text', async () => {
    const response = await postForm(youthWithHold);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="release-packet-fresno-es.pdf"');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = squash(extractText(new Uint8Array(response.rawPayload)));
    expect(text).toContain('Nguyễn Thị Hoa');
    expect(text).toContain('Trần Văn Minh');
  });

  it('opens the PDF inline when staff choose to print from the browser', async () => {
    const response = await postForm({ ...youthWithHold, delivery: 'inline' });
    expect(response.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('shows the HTML preview for the preview button', async () => {
    const response = await postForm({ ...youthWithHold, action: 'preview' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('data-section="youth-confidentiality"');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('re-renders the form with the error next to the field, announced, and every value kept', async () => {
    const response = await postForm({ ...youthWithHold, 'release.date': '2026-02-30' });
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#f-release-date"');
    expect(html).toMatch(/<p class="error" id="f-release-date-error">Enter a real date/);
    expect(html).toMatch(/<input[^>]*id="f-release-date"[^>]*value="2026-02-30"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Nguyễn Thị Hoa"');
    expect(html).toContain('value="Trần Văn Minh"');
    expect(html).toMatch(/<option value="fresno" selected>/);
    expect(html).toMatch(/id="f-iceHold-received" name="iceHold.received" value="true" checked/);
  });

  it('says the service is busy in the same form, values kept, with Retry-After, when the render queue is full', async () => {
    const engine = getEngine();
    const full = { ...createInProcessRenderer(engine), isFull: () => true, retryAfterSeconds: () => 2, render: () => Promise.reject(new PacketError('PKT_ERR_BUSY')) };
    const busy = await buildApp({ engine, logger: false, renderer: full });
    try {
      const response = await busy.inject({ method: 'POST', url: '/packets', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...youthWithHold, ui: 'es' }).toString() });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('2');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('role="alert"');
      expect(response.body).toContain('El servicio está ocupado');
      expect(response.body).toContain('value="Nguyễn Thị Hoa"');
    } finally {
      await busy.close();
    }
  });

  it('explains errors in the operator\'s language, not the packet\'s', async () => {
    const response = await postForm({ ...youthWithHold, ui: 'es', language: 'en', 'release.date': 'mañana' });
    expect(response.body).toContain('<html lang="es"');
    expect(response.body).toMatch(/Fecha de liberación: /);
  });

  it('asks for the county when it is missing, linking to its field', async () => {
    const response = await postForm({ ui: 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#f-county"');
  });

  it('never logs what was typed', async () => {
    lines.length = 0;
    await postForm({ ...youthWithHold, 'person.name': 'CANARY-FORM-NAME', 'release.location': 'CANARY-FORM-PLACE', 'contacts.0.name': 'CANARY-FORM-CONTACT', 'release.date': 'CANARY-DATE' });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.includes('CANARY'))).toEqual([]);
  });
});

describe('API documentation', () => {
  it('serves OpenAPI 3.1 whose PacketRequest is the request schema\'s JSON Schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const schema = z.toJSONSchema(createRequestSchema(vocabularyOf(getEngine())), { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(Object.keys(document.components.schemas.PacketRequest.properties)).toEqual(Object.keys(schema.properties));
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/packets', '/api/v1/counties', '/api/v1/locales', '/healthz', '/readyz']));
  });

  it('renders /docs as a page without script', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('POST /api/v1/packets');
    expect(response.body).not.toContain('<script');
  });

  it('lists the locales with their review status', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/locales' });
    expect(response.statusCode).toBe(200);
    const ids = response.json().locales.map((locale: { id: string; status: string }) => `${locale.id}:${locale.status}`);
    expect(ids).toEqual(expect.arrayContaining(['en:reviewed', 'es:draft']));
  });
});
