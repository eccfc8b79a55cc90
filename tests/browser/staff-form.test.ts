/**
 * The staff form in a real browser: Debian's chromium driven by playwright-core, JavaScript off and on.
 * A youth release with an ICE hold and a Vietnamese name is submitted and the downloaded PDF read back;
 * an invalid date comes back next to its field with the other values kept; axe-core finds no violations
 * on the form, its error state and the preview; the form's first screen is kept as a golden image. Contacts
 * start as one row; "add another" works with JavaScript off (a round trip) and on (in place), and Enter
 * still makes the PDF rather than adding a row.
 * .ci/run installs chromium; without /usr/bin/chromium this file is skipped, never passed silently.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { buildApp } from '../../src/server/app.js';
import { extractText, squash } from '../support/poppler.js';
import { compareImages, goldenFolder, isRegenerating } from '../support/golden.js';

const chromiumPath = '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const spanishYouthTitle = (JSON.parse(readFileSync(new URL('../../locales/es/packet.json', import.meta.url), 'utf8')) as { youth: { title: string } }).youth.title;
const name = 'Nguyễn Thị Hoa';

let app: FastifyInstance;
let origin = '';
const folders: string[] = [];

beforeAll(async () => {
  app = await buildApp({ engine: getEngine(), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function openBrowser(javaScriptEnabled: boolean): Promise<BrowserContext> {
  // A fresh profile per run: nothing from an earlier run (cache, autofill) can make a test pass.
  const profile = mkdtempSync(join(tmpdir(), 'release-packet-chromium-'));
  folders.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    javaScriptEnabled,
    acceptDownloads: true,
    locale: 'en-US',
    viewport: { width: 900, height: 1000 },
  });
}

/** axe-core run through the DevTools protocol (page.evaluate), so the page's CSP stays as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    return page.axe.run(page.document, { resultTypes: ['violations'] });
  });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function fillYouthWithHold(page: Page): Promise<void> {
  await page.selectOption('#f-county', 'fresno');
  await page.selectOption('#f-language', 'es');
  await page.fill('#f-person-name', name);
  await page.check('#f-youth');
  await page.check('#f-iceHold-received');
  await page.fill('#f-release-date', '2026-12-01');
}

describe.skipIf(!existsSync(chromiumPath))('the staff form in chromium', () => {
  for (const javaScriptEnabled of [false, true]) {
    const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

    it(`submits a youth release with an ICE hold and downloads its PDF (${mode})`, async () => {
      const browser = await openBrowser(javaScriptEnabled);
      try {
        const page = await browser.newPage();
        const violationsOfCsp: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) violationsOfCsp.push(message.text());
        });
        await page.goto(`${origin}/`);
        await fillYouthWithHold(page);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[value="pdf"]')]);
        const pdf = new Uint8Array(readFileSync((await download.path())!));
        const text = squash(extractText(pdf));
        expect(text).toContain(name);
        expect(text).toContain(spanishYouthTitle);
        expect(download.suggestedFilename()).toBe('release-packet-fresno-es.pdf');
        expect(violationsOfCsp).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it(`shows an invalid date next to its field with the other values kept (${mode})`, async () => {
      const browser = await openBrowser(javaScriptEnabled);
      try {
        const page = await browser.newPage();
        await page.goto(`${origin}/`);
        await fillYouthWithHold(page);
        await page.fill('#f-release-date', '2026-02-30');
        await page.click('button[value="pdf"]');
        await page.waitForSelector('#error-summary');
        await expect(page.locator('#f-release-date-error').textContent()).resolves.toMatch(/YYYY-MM-DD/);
        expect(await page.getAttribute('#f-release-date', 'aria-describedby')).toContain('f-release-date-error');
        expect(await page.inputValue('#f-release-date')).toBe('2026-02-30');
        expect(await page.inputValue('#f-person-name')).toBe(name);
        expect(await page.inputValue('#f-county')).toBe('fresno');
        expect(await page.isChecked('#f-youth')).toBe(true);
        expect(await page.isChecked('#f-iceHold-received')).toBe(true);
        if (javaScriptEnabled) {
          // The script moves focus to the summary, so a screen reader starts there.
          expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('error-summary');
        }
      } finally {
        await browser.close();
      }
    });
  }

  it('adds a contact row without JavaScript: the form comes back with one more row and every value kept; Enter still makes the PDF', async () => {
    const browser = await openBrowser(false);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      expect(await page.locator('fieldset.contact').count()).toBe(1);
      await fillYouthWithHold(page);
      await page.selectOption('#f-contacts-0-role', 'family');
      await page.fill('#f-contacts-0-name', 'Trần Văn Minh');
      await Promise.all([page.waitForURL(/\/packets#contact-2$/), page.click('#add-contact')]);
      expect(await page.locator('fieldset.contact').count()).toBe(2);
      expect(await page.inputValue('#f-contacts-0-name')).toBe('Trần Văn Minh');
      expect(await page.inputValue('#f-person-name')).toBe(name);
      await page.selectOption('#f-contacts-1-role', 'attorney');
      await page.fill('#f-contacts-1-name', 'Ana Ruiz');
      // Enter in a text field presses the form's first submit button: the PDF's, not "add another".
      const [download] = await Promise.all([page.waitForEvent('download'), page.press('#f-contacts-1-name', 'Enter')]);
      const text = squash(extractText(new Uint8Array(readFileSync((await download.path())!))));
      expect(text).toContain('Trần Văn Minh');
      expect(text).toContain('Ana Ruiz');
    } finally {
      await browser.close();
    }
  });

  it('adds contact rows in place with JavaScript, up to five, and posts them all', async () => {
    const browser = await openBrowser(true);
    try {
      const page = await browser.newPage();
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.url());
      });
      await page.goto(`${origin}/`);
      await fillYouthWithHold(page);
      for (let row = 1; row < 5; row++) await page.click('#add-contact');
      expect(posts).toEqual([]);
      expect(await page.locator('fieldset.contact').count()).toBe(5);
      expect(await page.isHidden('#add-contact')).toBe(true);
      // Focus went to the last new row, whose legend and names carry its own number.
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('f-contacts-4-role');
      expect(await page.locator('#contact-5 legend').textContent()).toBe('Contact 5');
      expect(await axeViolations(page)).toEqual([]);
      await page.selectOption('#f-contacts-2-role', 'attorney');
      await page.fill('#f-contacts-2-name', 'Ana Ruiz');
      await page.fill('#f-contacts-2-phone', '559-555-0101');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[value="pdf"]')]);
      const text = squash(extractText(new Uint8Array(readFileSync((await download.path())!))));
      expect(text).toContain('Ana Ruiz');
    } finally {
      await browser.close();
    }
  });

  it('works from the keyboard alone: every control reached by Tab, in order, and Enter on the button makes the PDF', async () => {
    const browser = await openBrowser(false);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      const focused = () => page.evaluate(() => {
        const element = (globalThis as unknown as { document: { activeElement: { id: string; tagName: string; getAttribute(name: string): string | null } | null } }).document.activeElement;
        return element ? element.id || `${element.tagName.toLowerCase()}[${element.getAttribute('value') ?? element.getAttribute('href') ?? ''}]` : '';
      });
      // Tab to the form's last button, noting each stop: the off-screen default button must never be one.
      const stops: string[] = [];
      for (let presses = 0; presses < 80 && !stops.includes('button[preview]'); presses++) {
        await page.keyboard.press('Tab');
        stops.push(await focused());
      }
      // Every control of the form is a stop: each select, text box, checkbox and button, one radio per group.
      const controls = await page.evaluate(() => {
        type Control = { id: string; name: string; type: string; tagName: string; className: string };
        const form = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Control> } }).document;
        return [...form.querySelectorAll('#packet-form input:not([type=hidden]), #packet-form select, #packet-form button')]
          .filter((control) => !control.className.includes('implicit-submit'))
          .map((control) => ({ id: control.id || `button[${(control as unknown as { value: string }).value}]`, group: control.type === 'radio' ? control.name : '' }));
      });
      const missed = controls.filter((control) => (control.group ? !controls.some((other) => other.group === control.group && stops.includes(other.id)) : !stops.includes(control.id)));
      expect(controls.length).toBeGreaterThan(15);
      expect(missed.map((control) => control.id)).toEqual([]);
      expect(stops).not.toContain('button[]');
      expect(stops.indexOf('f-county')).toBeLessThan(stops.indexOf('f-person-name'));
      expect(stops.indexOf('f-person-name')).toBeLessThan(stops.indexOf('add-contact'));
      expect(stops.indexOf('add-contact')).toBeLessThan(stops.indexOf('button[pdf]'));
      // Fill by keyboard: back to the county (type-ahead picks Fresno) and the name, then Enter on the button.
      for (let back = stops.length - 1 - stops.indexOf('f-county'); back > 0; back--) await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe('f-county');
      await page.keyboard.type('Fresno');
      expect(await page.inputValue('#f-county')).toBe('fresno');
      for (let presses = 0; presses < 80 && (await focused()) !== 'f-person-name'; presses++) await page.keyboard.press('Tab');
      await page.keyboard.type(name);
      for (let presses = 0; presses < 80 && (await focused()) !== 'button[pdf]'; presses++) await page.keyboard.press('Tab');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(squash(extractText(new Uint8Array(readFileSync((await download.path())!))))).toContain(name);
    } finally {
      await browser.close();
    }
  });

  it('has no axe-core violations on the form, its error state and the preview', async () => {
    const browser = await openBrowser(true);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.fill('#f-release-date', 'tomorrow');
      await page.click('button[value="pdf"]');
      await page.waitForSelector('#error-summary');
      expect(await axeViolations(page)).toEqual([]);
      await page.selectOption('#f-county', 'fresno');
      await page.fill('#f-release-date', '2026-12-01');
      await page.click('button[value="preview"]');
      await page.waitForSelector('[data-section="cover"]');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  /** Compares a screenshot with its golden image, or writes the golden when regenerating. */
  function expectScreenshotGolden(screenshot: Buffer, name: string): void {
    const actual = PNG.sync.read(screenshot);
    const file = new URL(name, goldenFolder);
    if (isRegenerating()) {
      mkdirSync(goldenFolder, { recursive: true });
      writeFileSync(file, PNG.sync.write(actual));
      return;
    }
    if (!existsSync(file)) throw new Error(`golden ${name} is missing: run UPDATE_GOLDENS=1 npx vitest run tests/browser, look at it, commit it`);
    const comparison = compareImages(actual, PNG.sync.read(readFileSync(file)));
    expect(comparison.sizeMatches).toBe(true);
    expect(comparison.tiles).toEqual([]);
  }

  it('keeps the look of a new form\'s contacts: one row and "add another" (golden image)', async () => {
    const browser = await openBrowser(false);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      expectScreenshotGolden(await page.locator('#f-contacts').screenshot(), 'staff-form-contacts.png');
    } finally {
      await browser.close();
    }
  });

  it('keeps the look of the form\'s first screen (golden image)', async () => {
    const browser = await openBrowser(false);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      expectScreenshotGolden(await page.screenshot({ fullPage: false }), 'staff-form.png');
    } finally {
      await browser.close();
    }
  });
});
