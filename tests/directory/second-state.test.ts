import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { generatePacket } from '../../src/generate.js';
import { isPacketError } from '../../src/errors.js';
import { extractText, squash } from '../support/poppler.js';
import { today } from '../support/packets.js';

// A second state is a second folder: the fixture state "zz" runs through the same code as California.
const engine = createEngine({ directoryDir: new URL('../fixtures/directory', import.meta.url).pathname, stateId: 'zz' });

describe('a second state, added as a folder', () => {
  it('prints its own networks, providers, public defender and consulate, release county first', async () => {
    const pdf = await generatePacket({ county: 'north-county', destinationCounty: 'south-county', print: { staffChecklist: true } }, { today, engine });
    // After the cover, whose "call first" box names the destination's network.
    const whole = squash(extractText(pdf));
    const text = whole.slice(whole.indexOf('Rapid response hotlines /'));
    const at = (needle: string) => {
      expect(text).toContain(needle);
      return text.indexOf(needle);
    };
    expect(at('(555) 010-0001')).toBeLessThan(at('(555) 010-0002'));
    // Nonprofit and free before fee-charging.
    expect(at('(555) 010-0003 ext. 12')).toBeLessThan(at('(555) 010-0004'));
    at('1-555-010-0006');
    // A temporarily closed clinic stays on file but is never handed to anyone.
    expect(text).not.toContain('(555) 010-0007');
    // Languages a provider works in, named in both packet languages.
    at('Languages / Idiomas: Spanish, Vietnamese / español, vietnamita');
    at('North County Public Defender: (555) 010-0005');
  });

  it('accepts only its own counties', async () => {
    const error = await generatePacket({ county: 'los-angeles' }, { today, engine }).catch((caught: unknown) => caught);
    expect(isPacketError(error) && error.issues.map((issue) => issue.path)).toEqual(['county']);
  });
});
