/**
 * The italic of a citation covers the whole citation (issue 8): read back from the PDF as a reader's
 * software sees it, each text run with its font (poppler's pdftohtml marks a run set in an italic font
 * with <i>), every character of every citation the templates set in italic (<em>) is in the italic face,
 * "8" of "8 C.F.R." included: a digit after upright text once kept the upright face.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packetFor } from '../support/packets.js';

type Catalog = Record<string, Record<string, string>>;
const catalogOf = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as Catalog;

/** The catalog keys the templates set in italic as a citation: <em>{{t "packet:…"}}</em>. */
const templateFolder = new URL('../../templates/', import.meta.url);
const citedKeys = [
  ...new Set(
    readdirSync(templateFolder)
      .filter((file) => file.endsWith('.hbs'))
      .flatMap((file) => [...readFileSync(new URL(file, templateFolder), 'utf8').matchAll(/<em>\{\{t "packet:([\w.]+)"/g)].map((match) => match[1]!)),
  ),
];

/** Every citation of a catalog the templates print in italic, markup and space removed. */
function citations(lng: string): string[] {
  const catalog = catalogOf(lng);
  const all = citedKeys.map((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog));
  return [...new Set(all.filter((text): text is string => typeof text === 'string').map((text) => text.replace(/<[^>]+>/g, '').replace(/\s/g, '')))];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, name: string) => (name.startsWith('#') ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (entities[name] ?? _)));

/** Each page's characters (spaces dropped), each with whether its run is set in italic. */
function charactersWithItalic(pdf: Uint8Array): { text: string; italic: boolean[] }[] {
  const result = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', '-', 'out'], { input: pdf, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftohtml failed: ${result.stderr}`);
  return result.stdout.split('<page ').slice(1).map((page) => {
    let text = '';
    const italic: boolean[] = [];
    for (const [, inner] of page.matchAll(/<text [^>]*>(.*?)<\/text>/g)) {
      // Tags split a run into pieces: <i> and <b> around what is set in that face.
      let isItalic = false;
      for (const piece of inner!.split(/(<\/?[ib]>)/)) {
        if (piece === '<i>') isItalic = true;
        else if (piece === '</i>') isItalic = false;
        else if (!/^<\/?b>$/.test(piece)) {
          for (const character of decode(piece).replace(/[\s\u00a0]/g, '')) {
            text += character;
            italic.push(isItalic);
          }
        }
      }
    }
    return { text, italic };
  });
}

const requests = [
  { language: 'es', county: 'los-angeles', youth: true, iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true }, print: { staffChecklist: true } },
  { language: 'en', county: 'fresno', iceHold: { received: true }, print: { paper: 'a4', largePrint: true, staffChecklist: true } },
];

describe('citations', () => {
  for (const request of requests) {
    it(`print wholly in italic: ${request.language} ${request.county}${request.print.largePrint ? ' large print' : ''}`, async () => {
      const pages = charactersWithItalic(await packetFor(request));
      const wanted = [...citations('en'), ...citations('es')];
      const problems: string[] = [];
      let found = 0;
      pages.forEach((page, index) => {
        for (const citation of wanted) {
          for (let at = page.text.indexOf(citation); at >= 0; at = page.text.indexOf(citation, at + 1)) {
            const upright = [...citation].filter((_, offset) => !page.italic[at + offset]);
            // The same words upright throughout are a source line ("Sources: …"), not a citation set in italic.
            if (upright.length === citation.length) continue;
            found++;
            if (upright.length) problems.push(`p${index + 1} "${citation}": upright ${upright.join('')}`);
          }
        }
      });
      // A packet with no citation read back would prove nothing.
      expect(found).toBeGreaterThan(10);
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
