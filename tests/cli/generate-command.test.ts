/** `release-packet generate`, run in-process through main(): exit codes, what lands on disk, what lands on stderr. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../support/cli-sandbox.js';
import { main } from '../../src/cli/program.js';

const sandbox = useCliSandbox('release-packet-cli-');

describe('release-packet generate', () => {
  it('writes a PDF from shortcut flags and exits 0', async () => {
    const out = join(sandbox.folder, 'packet.pdf');
    const code = await main(['generate', '--county', 'fresno', '--lang', 'es', '--name', 'José Núñez', '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes the HTML preview with --format html', async () => {
    const out = join(sandbox.folder, 'packet.html');
    const code = await main(['generate', '--county', 'fresno', '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('data-section="cover"');
  });

  it('exits 1 for an unknown county, names the field on sandbox.stderr and writes nothing', async () => {
    const code = await main(['generate', '--county', 'nowhere', '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).toMatch(/^\s+county: /m);
    expect(readdirSync(sandbox.folder)).toEqual([]);
  });

  it('prints errors in the operator\'s language (--ui-lang), not the packet\'s', async () => {
    const requestFile = join(sandbox.folder, 'request.json');
    writeFileSync(requestFile, JSON.stringify({ language: 'es', county: 'nowhere' }));
    const errors = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/errors.json`, import.meta.url), 'utf8')) as { field: { county: string } };
    const prefix = (lng: string) => errors(lng).field.county.split('{{')[0]!;
    expect(await main(['generate', '--request', requestFile, '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
    expect(sandbox.stderr.join('')).toContain(prefix('en'));
    sandbox.stderr.length = 0;
    expect(await main(['--ui-lang', 'es-MX', 'generate', '--request', requestFile, '--out', join(sandbox.folder, 'packet.pdf')])).toBe(1);
    expect(sandbox.stderr.join('')).toContain(prefix('es'));
  });

  it('exits 1 for a --request file that is not JSON', async () => {
    const requestFile = join(sandbox.folder, 'request.json');
    writeFileSync(requestFile, '{"county": "fresno",');
    const code = await main(['generate', '--request', requestFile, '--out', join(sandbox.folder, 'packet.pdf')]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).toContain('PKT_ERR_REQUEST_JSON');
    expect(readdirSync(sandbox.folder)).toEqual(['request.json']);
  });

  it('lets a --lang flag override the language of a --request file', async () => {
    const requestFile = join(sandbox.folder, 'request.json');
    writeFileSync(requestFile, readFileSync(new URL('../fixtures/requests/youth-es-ice-hold.json', import.meta.url)));
    const out = join(sandbox.folder, 'packet.html');
    const code = await main(['generate', '--request', requestFile, '--lang', 'en', '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<html lang="en"/);
  });
});
