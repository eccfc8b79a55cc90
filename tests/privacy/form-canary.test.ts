/**
 * The staff form (POST /packets, url-encoded) with canaries in every personal field: valid, invalid and
 * hostile posts. Logs at every level and response headers hold none; the PDF's metadata holds none; a form
 * sent back with errors carries the typed values only inside their own inputs (the staff member's browser,
 * Cache-Control: no-store), never in an error message. (Issue 13, privacy canary over the staff form.)
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTracedApp } from '../support/traced-app.js';

const canary = 'CANARY';
const lines: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTracedApp(lines);
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  lines.length = 0;
});

const personal = {
  'person.name': 'CANARY-FORM-NAME',
  'release.date': '2026-12-01',
  'release.location': 'CANARY-FORM-PLACE',
  'contacts.0.role': 'family',
  'contacts.0.name': 'CANARY-FORM-CONTACT',
  'contacts.0.phone': '(559) 555-0101',
};

const post = (fields: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/packets', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

function expectNoCanaryOutsideBody(response: { headers: Record<string, unknown> }): void {
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((line) => line.includes(canary))).toEqual([]);
  expect(JSON.stringify(response.headers)).not.toContain(canary);
}

describe('the staff form with canaries', () => {
  it('prints the packet with no canary in logs, headers or the PDF\'s metadata', async () => {
    const response = await post({ county: 'fresno', language: 'es', ...personal });
    expect(response.statusCode).toBe(200);
    expectNoCanaryOutsideBody(response);
    // Info dictionary and XMP are uncompressed text in the file: no canary there (the page streams are deflated).
    const raw = response.rawPayload.toString('latin1');
    expect(raw.match(/\/Info[\s\S]{0,20}/)?.[0] ?? '').not.toContain(canary);
    expect(raw).not.toMatch(/CANARY-FORM/);
  });

  it('sends an invalid form back with the values only in their inputs, and none in logs or headers', async () => {
    const response = await post({ county: 'nowhere', ...personal, 'release.date': '0000-01-01', 'contacts.0.phone': 'CANARY-PHONE' });
    expect(response.statusCode).toBe(400);
    expectNoCanaryOutsideBody(response);
    const withoutInputs = response.body.replace(/<input[^>]*>/g, '');
    expect(withoutInputs).not.toContain(canary);
  });

  it('answers "add another contact" with the values only in their inputs, and none in logs or headers', async () => {
    const response = await post({ county: 'fresno', ...personal, action: 'addContact' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expectNoCanaryOutsideBody(response);
    expect(response.body.replace(/<input[^>]*>/g, '')).not.toContain(canary);
  });

  it('keeps hostile field names and values out of logs and headers', async () => {
    const response = await post({ county: 'fresno', 'CANARY-KEY': 'CANARY-VALUE', 'person.CANARY-NESTED': 'x', ...personal, 'person.name': 'CANARY\u202E\uFFFF' });
    expect(response.statusCode).toBeLessThan(500);
    expectNoCanaryOutsideBody(response);
    expect(response.body.replace(/<input[^>]*>/g, '')).not.toContain(canary);
  });
});
