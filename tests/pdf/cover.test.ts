/**
 * The cover is read without turning the page (issue 8): the person's name, the one number to call first,
 * their own contacts when given and a short table of contents all print on page 1, and the cover takes that
 * one page only (its lower-priority details move to the top of page 2, where the hotlines follow them, never
 * onto a near-empty page of their own). The contents give each section the page it starts on, counted among
 * the person's pages, and a reader who turns to that page finds the section's heading there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../src/engine.js';
import { layoutPacket, preparePacket } from '../../src/generate.js';
import { minimumFill } from '../../src/layout/paginate.js';
import { extractPages, squash } from '../support/poppler.js';
import { packetFor, today } from '../support/packets.js';
import { issueRequests } from '../support/issue-requests.js';
import { holdsLetters, textItems, textOf } from '../support/layout-text.js';

const engine = getEngine();
const locales = [...engine.catalogs.locales.keys()];

type Catalog = Record<string, Record<string, string>>;
const catalogOf = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8')) as Catalog;

/** Five contacts, the most a request takes, with realistic names and numbers. */
const contacts = [
  { role: 'attorney', name: 'Ana Pérez Castillo', phone: '(213) 555-0100' },
  { role: 'family', name: 'Nguyễn Thị Hoa', phone: '(510) 555-0123' },
  { role: 'emergency', name: 'Roberto Hernández', phone: '(559) 555-0188' },
  { role: 'consulate', name: 'Consulado General de México', phone: '(213) 351-6800' },
  { role: 'other', name: 'Padre Miguel Ángel', phone: '(619) 555-0142 ext. 12' },
];

const names: Record<string, string> = { ar: 'محمد عبد الله', 'zh-Hans': '王小明', 'zh-Hant': '王小明', ko: '김민준', vi: 'Nguyễn Văn An' };

interface Variant {
  name: string;
  request: Record<string, unknown>;
}

/** Every language × paper × normal/large × youth/adult × with/without contacts, each with the longest cover it can have. */
function variants(): Variant[] {
  const list: Variant[] = [];
  for (const language of locales)
    for (const paper of ['letter', 'a4'])
      for (const largePrint of [false, true])
        for (const youth of [true, false])
          for (const withContacts of [true, false]) {
            list.push({
              name: `${language} ${paper}${largePrint ? ' large' : ''} ${youth ? 'youth' : 'adult'}${withContacts ? ' contacts' : ''}`,
              request: {
                language,
                youth,
                county: 'los-angeles',
                destinationCounty: 'alameda',
                person: { name: names[language] ?? 'María Guadalupe Hernández de la Cruz' },
                release: { date: '2026-12-01', location: "Los Angeles County Men's Central Jail, 441 Bauchet St" },
                iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true },
                ...(withContacts ? { contacts } : {}),
                print: { paper, largePrint },
              },
            });
          }
  return list;
}

describe('the cover', () => {
  it('fits its first page in every language, paper, print size, youth or adult, with or without contacts', () => {
    const problems: string[] = [];
    const all = variants();
    for (const { name, request } of all) {
      const prepared = preparePacket(request, { today, engine });
      const pages = layoutPacket(prepared, engine);
      const first = textOf(textItems(pages[0]!));
      // The cover is one page: page 2 starts the hotlines, or holds the cover's moved details with the hotlines
      // following in the same flow, never a page that ends with the cover's overflow.
      const second = pages[1]!;
      if (!second.sectionsStarting?.includes('rapid-response') && second.fill?.endsPart !== false) problems.push(`${name}: page 2 is the cover's overflow`);
      if (second.fill && second.fill.usedPt < minimumFill * second.fill.availablePt) problems.push(`${name}: page 2 is under a quarter full`);
      const person = request.person as { name: string };
      if (!holdsLetters(first, person.name)) problems.push(`${name}: the name is not on page 1`);
      const callFirst = prepared.model.cardHotline?.numbers;
      if (!callFirst || !first.includes(callFirst.replace(/\u00a0/g, ' '))) problems.push(`${name}: the number to call first is not on page 1`);
      for (const contact of (request.contacts as typeof contacts | undefined) ?? []) {
        if (!first.includes(contact.phone) || !holdsLetters(first, contact.name)) problems.push(`${name}: contact ${contact.role} is not on page 1`);
      }
      // The contents in both languages, each entry with its page.
      for (const language of prepared.model.languages) {
        const contents = catalogOf(language.id).cover!;
        if (!holdsLetters(first, contents.contents!)) problems.push(`${name}: the ${language.id} contents are not on page 1`);
        const pageRef = contents.contentsPage!.replace('{{page}}', '2');
        if (!holdsLetters(first, pageRef)) problems.push(`${name}: the ${language.id} contents print no page numbers`);
      }
    }
    expect(all.length).toBe(locales.length * 16);
    expect(problems).toEqual([]);
  });
});

describe('the contents', () => {
  /** Titles of the sections the contents name, in the person's language, with what marks the page each starts on. */
  const entries = (lng: string, youth: boolean, hold: boolean) => {
    const catalog = catalogOf(lng);
    return [
      { title: catalog.rapid!.title!, startsWith: catalog.rapid!.title! },
      { title: catalog.legal!.title!, startsWith: catalog.legal!.title! },
      ...(hold ? [{ title: catalog.iceHold!.title!, startsWith: catalog.iceHold!.title! }] : []),
      ...(youth ? [{ title: catalog.youth!.title!, startsWith: catalog.youth!.title! }] : []),
      { title: catalog.safeRelease!.title!, startsWith: catalog.safeRelease!.title! },
      // The cards' page: the card sheet, found by the card's own title.
      { title: catalog.cover!.contentsCards!, startsWith: catalog.card!.frontTitle! },
    ];
  };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  for (const [name, base] of Object.entries(issueRequests)) {
    for (const print of [{ paper: 'letter', largePrint: false }, { paper: 'a4', largePrint: true }]) {
      it(`prints the page each section's heading lands on, read back from the PDF: ${name}, ${print.paper}${print.largePrint ? ' large' : ''}`, async () => {
        const request = { ...base, print: { ...(base.print as object | undefined), ...print } };
        const pages = extractPages(await packetFor(request)).map(squash);
        const lng = base.language as string;
        const pageWord = escape(catalogOf(lng).cover!.contentsPage!).replace('\\{\\{page\\}\\}', '(\\d+)').replace(/ /g, '\\s*');
        const youth = base.youth === true;
        const hold = (base.iceHold as { received?: boolean } | undefined)?.received === true;
        for (const entry of entries(lng, youth, hold)) {
          const printed = new RegExp(`${escape(squash(entry.title)).replace(/ /g, '\\s*')}\\s*${pageWord}`).exec(pages[0]!);
          expect(printed, `${entry.title} has a page number on the cover`).not.toBeNull();
          // Where the heading lands: the first page after the cover that carries it (the staff pages come after the person's).
          const lands = pages.findIndex((text, index) => index > 0 && text.replace(/\s/g, '').includes(entry.startsWith.replace(/\s/g, ''))) + 1;
          expect(Number(printed![1]), entry.title).toBe(lands);
        }
      });
    }
  }
});
