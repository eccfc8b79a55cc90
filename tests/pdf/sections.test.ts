import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';

type Catalog = Record<string, Record<string, string>>;
const catalog = (lng: string): Catalog => JSON.parse(readFileSync(new URL(`../../locales/${lng}/packet.json`, import.meta.url), 'utf8'));
const en = catalog('en');
const es = catalog('es');

async function textOf(request: Record<string, unknown>): Promise<string> {
  return squash(extractText(await packetFor(request)));
}

describe('packet sections', () => {
  it('always prints the cover, hotlines, legal help, release checklist and cards, in both languages', async () => {
    const text = await textOf({ county: 'los-angeles', language: 'es' });
    for (const lang of [en, es]) {
      expect(text).toContain(lang.cover!.title);
      expect(text).toContain(lang.rapid!.title);
      expect(text).toContain(lang.legal!.title);
      expect(text).toContain(lang.safeRelease!.title);
    }
    expect(text).toContain(es.card!.frontTitle);
    expect(text).toContain(en.card!.backTitle);
  });

  it('puts the person\'s language first and English second', async () => {
    const text = await textOf({ county: 'fresno', language: 'es' });
    expect(text.indexOf(es.cover!.intro!)).toBeLessThan(text.indexOf(en.cover!.intro!));
  });

  it('pairs an English packet with Spanish', async () => {
    const text = await textOf({ county: 'fresno' });
    expect(text).toContain(en.cover!.intro);
    expect(text).toContain(es.cover!.intro);
  });

  it('prints the detainer rights with their citations only when an ICE hold was received', async () => {
    const without = await textOf({ county: 'fresno', language: 'es' });
    const withHold = await textOf({ county: 'fresno', language: 'es', iceHold: { received: true } });
    expect(without).not.toContain(en.iceHold!.title);
    expect(withHold).toContain(en.iceHold!.title);
    expect(withHold).toContain(es.iceHold!.title);
    expect(withHold).toContain('Cal. Gov. Code § 7283.1(b)');
    expect(withHold).toContain('Cal. Gov. Code § 7284.6(a)(1)(B)');
  });

  it('says whether the agency meant to comply with the hold', async () => {
    const text = await textOf({ county: 'fresno', iceHold: { received: true, agencyWillComply: false } });
    expect(text).toContain(en.iceHold!.agencyWillNotComply);
    expect(text).not.toContain(en.iceHold!.agencyWillComply);
  });

  it('prints juvenile confidentiality only for a young person', async () => {
    const adult = await textOf({ county: 'fresno' });
    const youth = await textOf({ county: 'fresno', youth: true });
    expect(adult).not.toContain(en.youth!.title);
    expect(youth).toContain(en.youth!.title);
    expect(youth).toContain('Cal. Welf. & Inst. Code § 831(a)');
  });

  it('prints the staff checklist only when asked, marked as not for the person', async () => {
    const plain = await textOf({ county: 'fresno' });
    const staff = await textOf({ county: 'fresno', print: { staffChecklist: true } });
    expect(plain).not.toContain(en.document!.staffOnly);
    expect(staff).toContain(en.document!.staffOnly);
    expect(staff).toContain('Staff checklist at release, Fresno County');
  });

  it('says the packet is information, not legal advice, with the printed date', async () => {
    const text = await textOf({ county: 'fresno' });
    expect(text).toContain(en.cover!.notLegalAdvice);
    expect(text).toContain('Printed on November 27, 2026.');
  });

  it('prints the release date in each language', async () => {
    const text = await textOf({ county: 'fresno', language: 'es', release: { date: '2026-12-01' } });
    expect(text).toContain('1 de diciembre de 2026');
    expect(text).toContain('December 1, 2026');
  });
});

describe('directory in the packet', () => {
  it('says plainly when a county has no local network, then prints the nearest ones marked not local, not the state\'s list', async () => {
    const text = await textOf({ county: 'humboldt' });
    expect(text).toContain(en.rapid!.noneOnFile!.replace('{{county}}', 'Humboldt'));
    expect(text).toContain('NOT LOCAL to Humboldt County: serves Sonoma County, 2 county lines away');
    expect(text).toContain('(707) 800-4544');
    // San Francisco's and Los Angeles' networks are far from Humboldt: no longer printed as noise.
    expect(text).not.toContain('(415) 200-1548');
    expect(text).not.toContain('(888) 624-4752');
  });

  it('lists the release county\'s network before the destination county\'s', async () => {
    const text = await textOf({ county: 'los-angeles', destinationCounty: 'sacramento' });
    const losAngeles = text.indexOf('(888) 624-4752');
    const sacramento = text.indexOf('(916) 245-6773');
    expect(losAngeles).toBeGreaterThan(-1);
    expect(sacramento).toBeGreaterThan(losAngeles);
  });

  it('marks an unconfirmed number VERIFY with its source and the source\'s own date, never as confirmed', async () => {
    const text = await textOf({ county: 'san-diego' });
    expect(text).toContain('VERIFY / VERIFIQUE · listed by La Prensa San Diego, "Immigration Abuse Response Network Launches in San Diego", Dec 19, 2017');
    expect(text).not.toMatch(/confirmed [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  });

  it('prints the source of every entry, "undated" when it carries no date', async () => {
    const text = await textOf({ county: 'los-angeles' });
    expect(text).toMatch(/listed by [^,]+.*, undated/);
    expect(text).toMatch(/listed by .*, [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  });
});
