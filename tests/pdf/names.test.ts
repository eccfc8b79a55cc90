import { describe, expect, it } from 'vitest';
import { extractText } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';
import { PacketError } from '../../src/errors.js';

const names = {
  'Latin with diacritics': 'José Núñez',
  Vietnamese: 'Nguyễn Văn An',
  Chinese: '张伟',
  'Arabic (right to left)': 'محمد',
  // Noto Sans KR, subset to Hangul (assets/fonts/README.md); before it, Korean was refused as unprintable.
  'Korean (Hangul)': '김민준',
  // The lam-alef ligature is one glyph for two letters: it used to copy out as "اآلن" (its letters reversed).
  'Arabic with a lam-alef ligature': 'الآن سلام',
};

describe('names in any script', () => {
  for (const [script, name] of Object.entries(names)) {
    it(`prints ${script} and extracts it back as the same characters`, async () => {
      const pdf = await packetFor({ county: 'fresno', language: 'es', person: { name } });
      expect(extractText(pdf, 1).normalize('NFC')).toContain(name);
    });
  }

  it('prints letters no shipped text uses, from a font subset made for this packet alone', async () => {
    // None of these is in a catalog or the directory: the prepared fonts lack them, so the packet embeds its
    // own subset of each face (Latin, Korean, Chinese) holding every one of them, not only the last one seen.
    const name = 'Ŋŧ 뷁똠 龘靐';
    const pdf = await packetFor({ county: 'fresno', language: 'es', person: { name } });
    expect(extractText(pdf, 1).normalize('NFC')).toContain(name);
  });

  it('keeps an Arabic name in reading order inside an English sentence', async () => {
    const pdf = await packetFor({ county: 'fresno', contacts: [{ role: 'family', name: 'محمد علي', phone: '(559) 555-0101' }] });
    expect(extractText(pdf)).toContain('محمد علي');
  });

  it('refuses a character no bundled font can draw, naming the field', async () => {
    const error = await packetFor({ county: 'fresno', person: { name: 'Ꮳ Cherokee' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PacketError);
    expect((error as PacketError).issues).toEqual([
      { path: 'person.name', messageKey: 'errors:field.unprintable', params: { characters: 'U+13E3' } },
    ]);
  });
});
