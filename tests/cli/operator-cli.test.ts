/** The CLI as an operator meets it: every request field as a flag, a report of what was written, lists, --version. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureStdout, useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';
import { contactFromFlag, requestFromFlags } from '../../src/cli/generate-command.js';
import { extractText, squash } from '../support/poppler.js';

const sandbox = useCliSandbox('release-packet-operator-');


describe('generate flags', () => {
  it('maps a flag to every request field', () => {
    const request = requestFromFlags({
      out: 'x.pdf',
      format: 'pdf',
      county: 'Los Angeles',
      lang: 'es-MX',
      iceHold: true,
      agencyWillComply: false,
      releaseInfoShared: true,
      releaseDate: '2026-12-01',
      releasePlace: 'Main gate',
      contact: ['attorney:Ana Ruiz:559-555-0101', 'family:Tía Rosa'],
      cards: '2',
    });
    expect(request).toEqual({
      county: 'Los Angeles',
      language: 'es-MX',
      iceHold: { received: true, agencyWillComply: false, releaseInfoSharedWithIce: true },
      release: { date: '2026-12-01', location: 'Main gate' },
      contacts: [
        { role: 'attorney', name: 'Ana Ruiz', phone: '559-555-0101' },
        { role: 'family', name: 'Tía Rosa' },
      ],
      print: { cards: 2 },
    });
  });

  it('keeps a colon inside a contact name, and takes the phone only when it looks like one', () => {
    expect(contactFromFlag('other:Dr. A: Clinic')).toEqual({ role: 'other', name: 'Dr. A: Clinic' });
    expect(contactFromFlag('family:Rosa:+1 (559) 555-0101 x12')).toEqual({ role: 'family', name: 'Rosa', phone: '+1 (559) 555-0101 x12' });
  });

  it('writes a packet from flags alone and reports its path, pages, bytes and languages', async () => {
    const out = join(sandbox.folder, 'packet.pdf');
    const code = await main([
      'generate', '--county', 'los angeles', '--lang', 'ES', '--youth', '--ice-hold', '--no-agency-will-comply',
      '--release-date', '2026-12-01', '--release-place', 'Puerta principal', '--contact', 'attorney:Ana Ruiz:559-555-0101', '--out', out,
    ]);
    expect(code).toBe(0);
    const pdf = new Uint8Array(readFileSync(out));
    const report = sandbox.stderr.join('');
    expect(report).toMatch(new RegExp(`^release-packet: wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ pages, [\\d,]+ bytes, es \\+ en\\n$`));
    expect(report).toContain(`${pdf.byteLength.toLocaleString('en-US')} bytes`);
    const text = squash(extractText(pdf));
    expect(text).toContain('Puerta principal');
    expect(text).toContain('Ana Ruiz');
  });
});

describe('lists and version', () => {
  it('lists the 58 counties with short name and name', async () => {
    const stdout = captureStdout();
    expect(await main(['counties'])).toBe(0);
    const lines = stdout.text().trim().split('\n');
    expect(lines).toHaveLength(59);
    expect(lines.find((line) => line.startsWith('los-angeles'))).toContain('Los Angeles');
  });

  it('lists the counties as JSON', async () => {
    const stdout = captureStdout();
    expect(await main(['counties', '--json'])).toBe(0);
    expect(JSON.parse(stdout.text()).counties).toHaveLength(58);
  });

  it('lists the locales with `locales` alone, with review status', async () => {
    const stdout = captureStdout();
    await main(['locales']);
    expect(stdout.text()).toMatch(/^en\s+English.*reviewed/m);
    expect(stdout.text()).toMatch(/^es\s+Español.*draft/m);
  });

  it('prints the version from package.json', async () => {
    const stdout = captureStdout();
    expect(await main(['--version'])).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(stdout.text().trim()).toBe(version);
  });

  it('shows examples in generate --help', async () => {
    const stdout = captureStdout();
    await main(['generate', '--help']);
    expect(stdout.text()).toContain('Examples:');
    expect(stdout.text()).toContain('--county "Los Angeles"');
  });
});
