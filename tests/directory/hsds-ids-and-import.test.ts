/**
 * The HSDS export is read by other systems that link to its ids, and the import replaces the files every
 * packet is printed from: ids must not move between exports, and an import must check the new files
 * together before any old one is replaced.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { useCliSandbox } from '../support/cli-sandbox.js';

const fixtureDir = new URL('../fixtures/directory', import.meta.url).pathname;
const sandbox = useCliSandbox('release-packet-hsds-');

interface Service {
  id: string;
  rp_id: string;
  phones: { id: string }[];
  attributes: { id: string; taxonomy_term: { code: string } }[];
}

async function exportDirectory(root: string, name: string): Promise<string> {
  const out = join(sandbox.folder, name);
  expect(await main(['directory', 'export', '--format', 'hsds', '--out', out, '--dir', root, '--state', 'zz'])).toBe(0);
  return out;
}

const servicesOf = (out: string): Service[] => (JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')) as { contents: Service[] }).contents;

/** Every id of every CSV table, by table, in the file's order. */
function tableIds(out: string): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  for (const file of readdirSync(out).filter((name) => name.endsWith('.csv')).sort()) {
    tables[file] = (parse(readFileSync(join(out, file), 'utf8'), { columns: true }) as { id: string }[]).map((row) => row.id);
  }
  return tables;
}

/** The ids an entry owns in the package: its service, its phones and its attributes. */
function idsOfEntry(services: Service[], rpId: string): string[] {
  const service = services.find((candidate) => candidate.rp_id === rpId)!;
  return [service.id, ...service.phones.map((phone) => phone.id), ...service.attributes.map((attribute) => attribute.id)];
}

function copyOfFixture(name: string): string {
  const root = join(sandbox.folder, name);
  cpSync(fixtureDir, root, { recursive: true });
  return root;
}

describe('HSDS ids', () => {
  it('are the same in two exports of the same directory', async () => {
    const first = await exportDirectory(fixtureDir, 'first');
    const second = await exportDirectory(fixtureDir, 'second');
    const ids = tableIds(first);
    expect(Object.values(ids).flat().length).toBeGreaterThan(20);
    expect(tableIds(second)).toEqual(ids);
    expect(new Set(Object.values(ids).flat()).size).toBe(Object.values(ids).flat().length);
  });

  it('stay with their entry when other entries are removed or the files reordered', async () => {
    const before = servicesOf(await exportDirectory(fixtureDir, 'before'));
    const root = copyOfFixture('edited');
    const file = join(root, 'zz', 'rapid-response.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string }[] };
    const removed = json.entries[0]!.id;
    json.entries = json.entries.slice(1).reverse();
    writeFileSync(file, JSON.stringify(json));
    const after = servicesOf(await exportDirectory(root, 'after'));
    expect(after.map((service) => service.rp_id)).not.toContain(removed);
    expect(after.length).toBeGreaterThan(3);
    for (const service of after) expect(idsOfEntry(after, service.rp_id), service.rp_id).toEqual(idsOfEntry(before, service.rp_id));
  });
});

describe('release-packet directory import', () => {
  it('checks the new files together and replaces none of the old ones when they clash', async () => {
    const out = await exportDirectory(fixtureDir, 'package');
    // Each service is valid alone; the copy files the same id under another kind, so only the files
    // checked together show the clash.
    const list = JSON.parse(readFileSync(join(out, 'services.json'), 'utf8')) as { contents: Service[]; total_items: number };
    const original = list.contents.find((service) => service.attributes.some((attribute) => attribute.taxonomy_term.code === 'kind:rapid-response'))!;
    const clash = JSON.parse(JSON.stringify(original)) as Service;
    for (const attribute of clash.attributes) {
      if (attribute.taxonomy_term.code === 'kind:rapid-response') attribute.taxonomy_term.code = 'kind:legal-provider';
    }
    list.contents.push(clash);
    list.total_items += 1;
    const tampered = join(sandbox.folder, 'clash.json');
    writeFileSync(tampered, JSON.stringify(list));

    const root = copyOfFixture('target');
    // Files that differ from the package, so a replaced file would show.
    const stateDir = join(root, 'zz');
    for (const name of readdirSync(stateDir).filter((file) => file !== 'state.json')) {
      writeFileSync(join(stateDir, name), `${readFileSync(join(stateDir, name), 'utf8').trimEnd()}\n\n`);
    }
    const snapshot = Object.fromEntries(readdirSync(stateDir).map((name) => [name, readFileSync(join(stateDir, name), 'utf8')]));

    expect(await main(['directory', 'import', '--from', tampered, '--dir', root, '--state', 'zz'])).toBe(1);
    expect(sandbox.stderr.join('')).toContain('duplicate id');
    expect(Object.fromEntries(readdirSync(stateDir).map((name) => [name, readFileSync(join(stateDir, name), 'utf8')]))).toEqual(snapshot);
  });
});
