/**
 * Whatever the request schema accepts prints. Why: a probe's request with every option and five contacts of
 * 200-character unbroken names passed the schema and came back 500 PKT_ERR_LAYOUT_OVERFLOW: the wallet card,
 * a fixed box, could not hold two such names beside its rights even at 8 pt.
 */
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/request/schema.js';
import { cardNameCharacters } from '../../src/packet/build-packet.js';
import { packetFor } from '../support/packets.js';
import { extractText, pageCount, squash } from '../support/poppler.js';

const roles = ['attorney', 'emergency', 'family', 'consulate', 'other'] as const;

/** The widest request the schema takes: every option, every limit, the widest Latin letter, unbroken. */
function worstCase(language: string, paper: string, largePrint: boolean, letter: string) {
  const longest = letter.repeat(limits.contactNameChars);
  return {
    language,
    county: 'los-angeles',
    destinationCounty: 'fresno',
    youth: true,
    person: { name: letter.repeat(limits.nameChars) },
    release: { date: '2026-12-01', location: letter.repeat(limits.locationChars) },
    iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true },
    contacts: roles.map((role, index) => ({ role, name: `Q${index}${longest.slice(2)}`, phone: '9'.repeat(limits.phoneChars) })),
    print: { paper, largePrint, cards: limits.cards, staffChecklist: true },
  };
}

describe('the schema\'s limits print', () => {
  for (const language of ['es', 'en']) {
    for (const [paper, largePrint] of [['letter', false], ['a4', true]] as const) {
      it(`prints the worst case in ${language} on ${paper}${largePrint ? ', large print' : ''}: five 200-character unbroken contacts, 40-digit phones`, async () => {
        const pdf = await packetFor(worstCase(language, paper, largePrint, 'W'));
        expect(pageCount(pdf)).toBeGreaterThan(8);
        const text = squash(extractText(pdf)).replace(/\s/g, '');
        // The contacts section prints every name whole, wrapped wherever the line ends (and across a page
        // break, whose furniture holds no W): all 198 W's between the name's marker and its phone.
        const phone = '9'.repeat(limits.phoneChars);
        for (let index = 0; index < roles.length; index++) {
          const start = text.indexOf(`Q${index}`); // the contacts section comes before the cards
          const name = text.slice(start, text.indexOf(phone, start));
          expect(name.replace(/[^W]/g, '').length, `contact ${index}`).toBe(limits.contactNameChars - 2);
        }
        // The card prints the lawyer shortened with an ellipsis.
        expect(text).toContain(`Q0${'W'.repeat(cardNameCharacters - 3)}…`);
      });
    }
  }

  it('prints the probe\'s request: Spanish, a lawyer and an emergency contact of 200 unbroken characters, 28-digit phones', async () => {
    const name = 'M'.repeat(200);
    const pdf = await packetFor({
      language: 'es',
      county: 'fresno',
      contacts: [
        { role: 'attorney', name, phone: '1'.repeat(28) },
        { role: 'emergency', name, phone: '2'.repeat(28) },
      ],
    });
    expect(squash(extractText(pdf)).replace(/\s/g, '')).toContain('2'.repeat(28));
  });
});
