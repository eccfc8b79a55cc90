/**
 * The pseudo-locale finds text that never went through a catalog. Every catalog string comes out
 * accented and bracketed, so a plain ASCII word left in a pseudo-language packet, preview or CLI message
 * is hard-coded English (or data: directory names, dates from Intl, which are allowed here by source).
 * Found this way when written: the staff page's "(verify this number)" was always English.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudoString, writePseudoLocale } from '../../src/i18n/locale-scaffold.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { preparePacket } from '../../src/generate.js';
import type { Block, Inline } from '../../src/render/document-tree.js';
import { localesSandbox, type LocalesSandbox } from '../support/locale-folders.js';
import { today } from '../support/packets.js';
import { projectPath } from '../../src/project-paths.js';

let sandbox: LocalesSandbox;
let engine: Engine;

beforeAll(() => {
  sandbox = localesSandbox();
  writePseudoLocale(sandbox.dir, sandbox.dir, 'en-XA');
  // A second pseudo language, so that the packet's second language is not plain English either.
  writePseudoLocale(sandbox.dir, sandbox.dir, 'en-XB');
  engine = createEngine({ localesDir: sandbox.dir });
});
afterAll(() => sandbox.remove());

/** Words a packet may print in any language because they are data: directory entries, places, Intl's dates and language names. */
function dataWords(): Set<string> {
  const texts: string[] = [];
  const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const state of engine.directory.states.values()) {
    texts.push(state.name, ...state.counties.map((county) => county.name));
    for (const entry of state.entries) {
      texts.push(entry.organization.name, entry.service.name, entry.source.title, entry.address ?? '', ...entry.phones.flatMap((phone) => [phone.number, phone.hours ?? '']));
      // Language names come from Intl.DisplayNames, which names them in English for a pseudo tag.
      for (const code of [...entry.languages, ...entry.phones.flatMap((phone) => phone.languages ?? [])]) texts.push(languageNames.of(code) ?? '');
    }
  }
  for (let month = 0; month < 12; month++) {
    for (const style of ['long', 'short'] as const) texts.push(new Intl.DateTimeFormat('en', { month: style }).format(new Date(Date.UTC(2026, month, 1))));
  }
  return new Set(texts.join(' ').match(/[A-Za-z]+/g) ?? []);
}

function englishWords(text: string, allowed: Set<string>): string[] {
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !allowed.has(word));
}

function textsOf(blocks: Block[], out: { lang: string; text: string }[] = []): { lang: string; text: string }[] {
  const inlineText = (inlines: Inline[]) => inlines.map((inline) => inline.text).join('');
  for (const block of blocks) {
    if (block.type === 'group') textsOf(block.children, out);
    else if (block.type === 'list') for (const item of block.items) textsOf(item, out);
    else if (block.type === 'table') for (const row of block.rows) for (const cell of row.cells) out.push({ lang: block.lang, text: inlineText(cell) });
    else out.push({ lang: block.lang, text: inlineText(block.inlines) });
  }
  return out;
}

describe('pseudoString', () => {
  it('accents, brackets and lengthens by about 40%, keeping placeholders and tags', () => {
    const english = 'Released in: {{county}} County, <strong>today</strong>';
    const pseudo = pseudoString(english);
    expect(pseudo).toMatch(/^\[Ŕéļéášéð îñ: \{\{county\}\} Çöûñţý, <strong>ţöðáý<\/strong> .+\]$/);
    const visible = (text: string) => [...text.replace(/\{\{[^}]*\}\}|<[^>]+>/g, '')].length;
    expect(visible(pseudo) / visible(english)).toBeGreaterThanOrEqual(1.35);
  });
});

describe('a packet in the pseudo-locale', () => {
  it('prints no English that did not come from a catalog, in any section or page furniture', () => {
    const { document } = preparePacket(
      { language: 'en-XA', secondLanguage: 'en-XB', county: 'fresno', destinationCounty: 'los-angeles', youth: true, iceHold: { received: true }, person: { name: 'Ana' }, contacts: [{ role: 'attorney', name: 'Ana', phone: '555-0100' }], print: { staffChecklist: true } },
      { engine, today },
    );
    const allowed = dataWords();
    allowed.add('Ana');
    // The card's back speaks English to an agent on purpose (lang="en"); everything else is pseudo.
    const leaks = textsOf(document.blocks)
      .filter((block) => block.lang !== 'en')
      .flatMap((block) => englishWords(block.text, allowed).map((word) => `${word} in "${block.text.slice(0, 60)}"`));
    const furniture = document.furniture;
    const furnitureTexts = [furniture.footer, furniture.blankPage, furniture.blankSheet, furniture.cardsDuplex, furniture.cardsFold, ...Object.values(furniture.draftMarks).flat().map((mark) => mark.text)];
    const furnitureLeaks = furnitureTexts.flatMap((text) => englishWords(text.replace('{{page}}', '').replace('{{pages}}', ''), allowed));
    expect([...leaks, ...furnitureLeaks]).toEqual([]);
  });
});

describe('the CLI with the pseudo-locale', () => {
  it('explains a bad request in the pseudo-locale, naming fields but no English sentence', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', projectPath('src', 'cli', 'main.ts'), '--ui-lang', 'en-XA', 'generate', '--lang', 'en-XA', '--county', 'atlantis', '--out', '-'], {
      env: { ...process.env, RELEASE_PACKET_LOCALES_DIR: sandbox.dir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/county: \[/);
    // What may stay ASCII: the program's name, the error code, the field's name and the list of valid values.
    // The list of valid counties is data (slugs), not a sentence to translate.
    const rest = result.stderr.replace(/release-packet|PKT_ERR_[A-Z_]+|^\s+county:/gm, '').replace(/[a-z]+(?:-[a-z]+)*(?:, [a-z]+(?:-[a-z]+)*){10,}/g, '');
    expect(englishWords(rest, new Set())).toEqual([]);
  });
});
