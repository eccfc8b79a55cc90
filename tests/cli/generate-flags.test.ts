/**
 * Every field of a PacketRequest has a `generate` flag, by rule over the request schema: a field added to the
 * schema without a flag fails here. Why: print.cardLayout, print.staffLanguage and print.fillIn could be
 * given only in a --request file, though the issue asks for a flag for every request field.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { main } from '../../src/cli/program.js';
import { requestFromFlags, type GenerateFlags } from '../../src/cli/generate-command.js';
import { getEngine } from '../../src/engine.js';
import { vocabularyOf } from '../../src/generate.js';
import { createRequestSchema, limits } from '../../src/request/schema.js';

afterEach(() => vi.restoreAllMocks());

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
}

/** The request's fields as paths: "person.name", "print.cards"; an array of objects ("contacts") is one field. */
function requestFields(): string[] {
  const schema = z.toJSONSchema(createRequestSchema(vocabularyOf(getEngine())), { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const walk = (node: JsonSchemaNode, prefix: string): string[] =>
    Object.entries(node.properties ?? {}).flatMap(([key, child]) => (child.type === 'object' && child.properties ? walk(child, `${prefix}${key}.`) : [`${prefix}${key}`]));
  return walk(schema, '');
}

/** Each request field: the flag that sets it, the flags object commander makes of it, and the value it must set. */
const flagFor: Record<string, { flag: string; flags: Partial<GenerateFlags>; value: unknown }> = {
  language: { flag: '--lang', flags: { lang: 'es' }, value: 'es' },
  secondLanguage: { flag: '--second-lang', flags: { secondLang: 'vi' }, value: 'vi' },
  county: { flag: '--county', flags: { county: 'fresno' }, value: 'fresno' },
  destinationCounty: { flag: '--destination-county', flags: { destinationCounty: 'kern' }, value: 'kern' },
  youth: { flag: '--youth', flags: { youth: true }, value: true },
  'person.name': { flag: '--name', flags: { name: 'Ana' }, value: 'Ana' },
  'release.date': { flag: '--release-date', flags: { releaseDate: '2026-12-01' }, value: '2026-12-01' },
  'release.location': { flag: '--release-place', flags: { releasePlace: 'Main gate' }, value: 'Main gate' },
  'iceHold.received': { flag: '--ice-hold', flags: { iceHold: true }, value: true },
  'iceHold.agencyWillComply': { flag: '--no-agency-will-comply', flags: { agencyWillComply: false }, value: false },
  'iceHold.releaseInfoSharedWithIce': { flag: '--release-info-shared', flags: { releaseInfoShared: true }, value: true },
  contacts: { flag: '--contact', flags: { contact: ['family:Rosa'] }, value: [{ role: 'family', name: 'Rosa' }] },
  'print.paper': { flag: '--paper', flags: { paper: 'a4' }, value: 'a4' },
  'print.largePrint': { flag: '--large-print', flags: { largePrint: true }, value: true },
  'print.cards': { flag: '--cards', flags: { cards: '3' }, value: 3 },
  'print.cardLayout': { flag: '--card-layout', flags: { cardLayout: 'fold' }, value: 'fold' },
  'print.staffChecklist': { flag: '--staff-checklist', flags: { staffChecklist: true }, value: true },
  'print.staffLanguage': { flag: '--staff-lang', flags: { staffLang: 'es' }, value: 'es' },
  'print.fillIn': { flag: '--fill-in', flags: { fillIn: true }, value: true },
};

const valueAt = (object: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);

async function generateHelp(): Promise<string> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  await main(['generate', '--help']);
  return chunks.join('');
}

describe('generate flags for every request field', () => {
  it('has a flag for each field of the request schema', () => {
    const fields = requestFields();
    expect(fields.length).toBeGreaterThan(10);
    expect(fields.filter((field) => !(field in flagFor))).toEqual([]);
  });

  it('declares each of those flags in generate --help', async () => {
    const help = await generateHelp();
    expect(Object.values(flagFor).map((entry) => entry.flag).filter((flag) => !new RegExp(`${flag}\\b`).test(help))).toEqual([]);
  });

  it('puts each flag\'s value at its field', () => {
    const wrong = Object.entries(flagFor).filter(([path, entry]) => {
      const request = requestFromFlags({ out: 'x.pdf', format: 'pdf', ...entry.flags });
      return JSON.stringify(valueAt(request, path)) !== JSON.stringify(entry.value);
    });
    expect(wrong.map(([path]) => path)).toEqual([]);
  });

  // The help said "1 to 8" cards while the schema took 20.
  it('gives in --help the wallet-card and contact limits the request schema enforces', async () => {
    const help = (await generateHelp()).replace(/\s+/g, ' ');
    expect(help).toContain(`wallet cards to print, 1 to ${limits.cards}`);
    expect(help).toContain(`(repeat, at most ${limits.contacts})`);
  });
});
