/**
 * The staff form's designated contacts: one row to start, "add another" as a plain submit (no JavaScript
 * needed) that brings the form back with one more row and every value kept, and a form re-rendered after an
 * error showing the rows that were filled, in the order the request read them. Why: the form showed all five
 * rows at once, and an error in the third filled row (after a blank one) was put next to the wrong row.
 */
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/request/schema.js';
import { useQuietApp } from '../support/quiet-app.js';

const app = useQuietApp();

const postForm = (fields: Record<string, string>) =>
  app().inject({ method: 'POST', url: '/packets', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

/** The contact rows of a rendered form: each row's number and its three values. */
function rowsOf(html: string): { number: number; role: string; name: string; phone: string }[] {
  const rows = [...html.matchAll(/<fieldset class="contact" id="contact-(\d+)">([\s\S]*?)<\/fieldset>/g)];
  return rows.map(([, number, body]) => ({
    number: Number(number),
    role: /<option value="([^"]*)" selected>/.exec(body!)?.[1] ?? '',
    name: /name="contacts\.\d+\.name" value="([^"]*)"/.exec(body!)?.[1] ?? '',
    phone: /name="contacts\.\d+\.phone" value="([^"]*)"/.exec(body!)?.[1] ?? '',
  }));
}

const base = { ui: 'en', county: 'fresno', language: 'es', 'person.name': 'Ana Pérez', 'release.date': '2026-12-01' };

describe('staff form contact rows', () => {
  it('starts with one row and an "add another" button', async () => {
    const html = (await app().inject({ method: 'GET', url: '/' })).body;
    expect(rowsOf(html).map((row) => row.number)).toEqual([1]);
    expect(html).toMatch(/<button type="submit" id="add-contact" name="action" value="addContact" formaction="\/packets#contact-2"/);
  });

  it('answers "add another" with the same form, one more row, every value kept, and no packet', async () => {
    const response = await postForm({ ...base, 'contacts.0.role': 'family', 'contacts.0.name': 'Rosa Díaz', 'contacts.0.phone': '559-555-0101', action: 'addContact' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(rowsOf(response.body)).toEqual([
      { number: 1, role: 'family', name: 'Rosa Díaz', phone: '559-555-0101' },
      { number: 2, role: '', name: '', phone: '' },
    ]);
    expect(response.body).toContain('value="Ana Pérez"');
    expect(response.body).not.toContain('error-summary');
    expect(response.body).toContain('formaction="/packets#contact-3"');
  });

  it('adds a row to the empty rows that were on the page too, and offers no more at the limit', async () => {
    let fields: Record<string, string> = { ...base };
    for (let shown = 1; shown < limits.contacts; shown++) {
      const html = (await postForm({ ...fields, action: 'addContact' })).body;
      expect(rowsOf(html)).toHaveLength(shown + 1);
      // What the browser posts next: every row on the page, empty ones included.
      fields = { ...base, ...Object.fromEntries(rowsOf(html).flatMap((row) => ['role', 'name', 'phone'].map((part) => [`contacts.${row.number - 1}.${part}`, '']))) };
      if (shown + 1 === limits.contacts) expect(html).not.toContain('id="add-contact"');
      else expect(html).toContain('id="add-contact"');
    }
  });

  it('shows as many rows as were filled after an error, in order, each error next to its own row', async () => {
    const response = await postForm({
      ...base,
      'release.date': 'tomorrow',
      'contacts.0.role': 'family', 'contacts.0.name': 'Rosa Díaz', 'contacts.0.phone': '',
      'contacts.1.role': '', 'contacts.1.name': '', 'contacts.1.phone': '',
      'contacts.2.role': 'attorney', 'contacts.2.name': 'Ana Ruiz', 'contacts.2.phone': 'call me',
      'contacts.3.role': 'other', 'contacts.3.name': 'Clinic', 'contacts.3.phone': '',
      'contacts.4.role': '', 'contacts.4.name': '', 'contacts.4.phone': '',
    });
    expect(response.statusCode).toBe(400);
    expect(rowsOf(response.body)).toEqual([
      { number: 1, role: 'family', name: 'Rosa Díaz', phone: '' },
      { number: 2, role: 'attorney', name: 'Ana Ruiz', phone: 'call me' },
      { number: 3, role: 'other', name: 'Clinic', phone: '' },
    ]);
    // The phone error is the second filled row's, and is shown there.
    expect(response.body).toMatch(/<p class="error" id="f-contacts-1-phone-error">/);
    expect(response.body).toMatch(/id="f-contacts-1-phone" name="contacts\.1\.phone" value="call me" autocomplete="off" aria-invalid="true"/);
  });

  it('shows one row after an error when no contact was filled', async () => {
    const response = await postForm({ ...base, 'release.date': 'tomorrow', 'contacts.0.role': '', 'contacts.0.name': '', 'contacts.0.phone': '' });
    expect(response.statusCode).toBe(400);
    expect(rowsOf(response.body).map((row) => row.number)).toEqual([1]);
  });
});
