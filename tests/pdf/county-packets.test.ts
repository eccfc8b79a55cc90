import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';

const en = JSON.parse(readFileSync(new URL('../../locales/en/packet.json', import.meta.url), 'utf8'));

async function textOf(request: Record<string, unknown>): Promise<string> {
  return squash(extractText(await packetFor({ language: 'en', ...request })));
}

/** Position of each needle in the text; fails on a missing one. */
function positions(text: string, needles: string[]): number[] {
  return needles.map((needle) => {
    const at = text.indexOf(needle);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    return at;
  });
}

const ascending = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1]! < value);

describe('the directory entries a county packet prints', () => {
  it('Los Angeles: its own network first, then its legal providers, then its consulates', async () => {
    const text = await textOf({ county: 'los-angeles' });
    const [network, legalTitle, provider, consulate] = positions(text, ['(888) 624-4752', en.legal.title, '(213) 385-7800 ext. 136', '(213) 351-6800']);
    expect(network).toBeLessThan(legalTitle!);
    expect(legalTitle).toBeLessThan(provider!);
    expect(provider).toBeLessThan(consulate!);
  });

  it('Mendocino, with no local network: says so, then the nearest networks, and no legal provider is made up', async () => {
    const text = await textOf({ county: 'mendocino' });
    expect(text).toContain(squash(en.rapid.noneOnFile.replace('{{county}}', 'Mendocino')));
    expect(text).toContain(squash(en.legal.noneOnFile.replace('{{county}}', 'Mendocino')));
    // The nearest networks by county borders crossed (Humboldt's and Sonoma's, next door), not the whole state.
    positions(text, ['(707) 282-5226', '(707) 800-4544']);
    expect(text).not.toContain('(619) 536-0823');
    // Statewide consular lines print for every county, the 24-hour one first; Los Angeles' own consulate does not.
    expect(ascending(positions(text, ['1-855-463-6395', '1-888-301-1130']))).toBe(true);
    expect(text).not.toContain('(213) 351-6800');
  });

  it('released in Sacramento, going to Los Angeles: Sacramento\'s network first, then Los Angeles\'', async () => {
    // After the cover, whose "call first" box names the destination's network.
    const whole = await textOf({ county: 'sacramento', destinationCounty: 'los-angeles' });
    const text = whole.slice(whole.indexOf('Rapid response hotlines /'));
    expect(ascending(positions(text, ['(916) 245-6773', '(888) 624-4752']))).toBe(true);
    // Both counties' legal providers, release county first: Sacramento has none, so Los Angeles' follow.
    positions(text, ['(213) 385-7800 ext. 136']);
  });

  it('Fresno: the regional Valley Watch line; KIND, which serves children only, in a youth packet and not in an adult one', async () => {
    const youth = await textOf({ county: 'fresno', youth: true });
    expect(ascending(positions(youth, ['(559) 206-0151', en.legal.title, '(559) 573-8404']))).toBe(true);
    const adult = await textOf({ county: 'fresno' });
    positions(adult, ['(559) 206-0151']);
    expect(adult).not.toContain('(559) 573-8404');
  });

  it('Riverside: the local and the regional network, local first', async () => {
    const text = await textOf({ county: 'riverside' });
    expect(ascending(positions(text, ['1-800-515-1935', '(909) 361-4588']))).toBe(true);
  });

  it('gives staff the release county\'s public defender only, and never wraps its number', async () => {
    const raw = extractText(await packetFor({ county: 'san-mateo', destinationCounty: 'san-francisco', print: { staffChecklist: true, paper: 'a4', largePrint: true } }));
    // Large print on A4 used to break "(650)" and "298-4000" onto two lines.
    expect(raw).toMatch(/\(650\) 298-4000/);
    expect(raw).not.toContain('(415) 553-1671');
  });

  it('puts the public defender on the staff page with "verify this number" when its source is undated', async () => {
    const text = await textOf({ county: 'san-francisco', print: { staffChecklist: true } });
    // In both packet languages, like the heading above the list (English first here, Spanish second).
    expect(text).toContain(`(415) 553-1671 (${en.directory.verifyShort} / `);
  });
});
