/**
 * The law said fully (issue 8, "Law and content"): every legal line prints in English and in Spanish with
 * its citation right after it, in the packets that need it and only there. Read back from the PDF's text,
 * as a reader's viewer sees it, with the page furniture (footers, banners) taken out so a line that runs
 * onto the next page still reads as one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPages, squash } from '../support/poppler.js';
import { packetFor } from '../support/packets.js';
import { getLawCheck } from '../../src/packet/law-check.js';

type Catalog = Record<string, Record<string, string>>;
const catalogs: Record<string, Catalog> = {
  en: JSON.parse(readFileSync(new URL('../../locales/en/packet.json', import.meta.url), 'utf8')),
  es: JSON.parse(readFileSync(new URL('../../locales/es/packet.json', import.meta.url), 'utf8')),
};
const languages = ['en', 'es'] as const;

/** The catalog text as printed: markup dropped, {{county}} and dates filled in the way the packet fills them. */
function printed(lng: string, key: string, values: { county?: string; date?: Date } = {}): string {
  const [section, name] = key.split('.') as [string, string];
  const text = catalogs[lng]![section]![name];
  if (text === undefined) throw new Error(`no catalog key ${lng}:${key}`);
  return squash(
    text
      .replace(/<[^>]+>/g, '')
      .replace(/\{\{county\}\}/g, values.county ?? '{{county}}')
      .replace(/\{\{date, datetime\(dateStyle: long; timeZone: UTC\)\}\}/g, () =>
        new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(values.date),
      ),
  );
}

/** A legal line and its citation, as they print: the plain sentence, then the citation. */
function withCitation(lng: string, key: string, values: { county?: string } = {}): string {
  return `${printed(lng, key, values)} ${printed(lng, `${key}Cite`)}`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Page furniture, squashed: banners (which may wrap) and footers with any page numbers. */
const furniture = [
  // The staff banner is bilingual, "FOR STAFF ONLY… / SOLO PARA EL PERSONAL…": taken out whole first.
  new RegExp(`${escape(printed('en', 'document.staffOnly'))} / ${escape(printed('es', 'document.staffOnly'))}`, 'g'),
  ...languages.flatMap((lng) => ['document.draftMark', 'document.staffOnly'].map((key) => new RegExp(escape(printed(lng, key)).replace(/\\\{\\\{language\\\}\\\}/g, '[^)]+'), 'g'))),
  // Person pages and staff pages are numbered apart, each with its own footer.
  ...languages.flatMap((lng) => ['document.footer', 'document.staffFooter'].map((key) => new RegExp(escape(printed(lng, key)).replace(/\\\{\\\{pages?\\\}\\\}/g, '\\d+'), 'g'))),
];

/** The whole text of a packet, footers and banners removed, whitespace squashed. */
async function textOf(request: Record<string, unknown>): Promise<string> {
  const pages = extractPages(await packetFor(request)).map((page) => furniture.reduce((text, mark) => text.replace(mark, ' '), squash(page)));
  return squash(pages.join(' '));
}

const valuesActLines = ['valuesBinds', 'noStatusQuestions', 'noDetention', 'releaseDateSharing', 'noAddress', 'noTransfer'];
const truthActLines = ['truthCovers', 'copyOfRequest', 'releaseNotice', 'interviewConsent', 'formLanguages', 'statePrisons'];

describe('legal lines on every packet, hold or not', () => {
  const text = textOf({ county: 'fresno', language: 'es' });

  it('gives the core guidance with its sources in both languages', async () => {
    for (const lng of languages) {
      for (const key of ['calm', 'noLies', 'silent', 'noSigning', 'lawyer', 'call', 'source']) expect(await text).toContain(printed(lng, `firstSteps.${key}`));
    }
    expect(await text).toContain('ACLU, Know Your Rights');
  });

  it('prints the day the law was last checked, from its one data file, next to "not legal advice"', async () => {
    const { checkedOn } = getLawCheck();
    for (const lng of languages) {
      expect(await text).toContain(`${printed(lng, 'cover.notLegalAdvice')} ${printed(lng, 'cover.lawChecked', { date: checkedOn })}`);
    }
    expect(await text).toContain('November 29, 2026');
    // The date is data: no catalog string carries it, so checking the law again is one edit.
    const year = String(checkedOn.getUTCFullYear());
    for (const lng of languages) expect(JSON.stringify(catalogs[lng])).not.toContain(year);
  });

  it('lists the #FreeThemAll toolkit\'s release needs in the checklist, with the toolkit named', async () => {
    for (const lng of languages) {
      for (const key of ['clothing', 'whereReleased', 'housing', 'medication', 'mutualAid', 'travel', 'source']) expect(await text).toContain(printed(lng, `safeRelease.${key}`));
    }
  });

  it('credits the ILRC red card on the card sheet', async () => {
    expect(await text).toContain(printed('en', 'card.backCite'));
    expect(await text).toContain('ILRC red card');
  });

  it('prints no detainer rights without a hold', async () => {
    for (const lng of languages) expect(await text).not.toContain(printed(lng, 'iceHold.valuesBinds'));
  });
});

describe('legal lines with an ICE hold', () => {
  const unknown = textOf({ county: 'fresno', language: 'es', iceHold: { received: true } });

  it('says what the Values Act forbids and whom it binds, each line with its citation, in both languages', async () => {
    for (const lng of languages) for (const key of valuesActLines) expect(await unknown).toContain(withCitation(lng, `iceHold.${key}`));
  });

  it('says the TRUTH Act covers probation and so juvenile halls, and that the consent form comes in six languages', async () => {
    for (const lng of languages) for (const key of truthActLines) expect(await unknown).toContain(withCitation(lng, `iceHold.${key}`));
    for (const language of ['English', 'Spanish', 'Chinese', 'Tagalog', 'Vietnamese', 'Korean']) expect(printed('en', 'iceHold.formLanguages')).toContain(language);
    expect(await unknown).toContain('Cal. Gov. Code §§ 7283.1(a), 7284.10(a)(1)');
  });

  it('tells the person to ask whether the agency will comply when the request does not say', async () => {
    for (const lng of languages) expect(await unknown).toContain(withCitation(lng, 'iceHold.agencyComplianceUnknown'));
  });

  it('names the release county\'s public defender and says a lawyer may help with the hold', async () => {
    for (const lng of languages) {
      expect(await unknown).toContain(`${printed(lng, 'iceHold.lawyerMayHelp')} ${printed(lng, 'iceHold.publicDefenderHelp', { county: 'Fresno' })}`);
      expect(await unknown).toContain(printed(lng, 'legal.publicDefenderTitle', { county: 'Fresno' }));
    }
    expect(await unknown).toContain('Fresno County Public Defender');
  });

  it('still says a lawyer may help where no public defender is on file, without pointing to one', async () => {
    const modoc = await textOf({ county: 'modoc', iceHold: { received: true } });
    expect(modoc).toContain(printed('en', 'iceHold.lawyerMayHelp'));
    expect(modoc).not.toContain(printed('en', 'iceHold.publicDefenderHelp', { county: 'Modoc' }));
  });

  it('uses one Spanish term for the hold throughout', async () => {
    const spanish = Object.values(catalogs.es!).flatMap((section) => Object.values(section)).join('\n');
    expect(spanish).toContain('solicitud de retención de inmigración');
    // The other names a translation drifts to: "orden de detención", "retención (hold)", a bare "hold".
    expect(spanish).not.toMatch(/orden de detenci[oó]n|\(hold\)|\bhold\b/);
  });
});

describe('legal lines when the agency says it will comply', () => {
  const adult = textOf({ county: 'fresno', language: 'es', iceHold: { received: true, agencyWillComply: true } });
  const youth = textOf({ county: 'fresno', language: 'es', youth: true, iceHold: { received: true, agencyWillComply: true, releaseInfoSharedWithIce: true } });

  it('says no one may be held past release on a hold, that ICE may be waiting, and what to do then', async () => {
    for (const lng of languages) {
      expect(await adult).toContain(printed(lng, 'iceHold.agencyWillComply'));
      expect(await adult).toContain(withCitation(lng, 'iceHold.complyNoHolding'));
      expect(await adult).toContain(withCitation(lng, 'iceHold.complyIceWaiting'));
    }
    expect(await adult).toContain('Cal. Gov. Code § 7284.6(a)(1)(B)');
  });

  it('tells an adult nothing about juvenile records', async () => {
    for (const lng of languages) expect(await adult).not.toContain(printed(lng, 'iceHold.youthReleaseConfidential'));
  });

  it('tells a young person that release information is confidential juvenile information', async () => {
    for (const lng of languages) {
      expect(await youth).toContain(withCitation(lng, 'iceHold.youthReleaseConfidential'));
      expect(await youth).toContain(withCitation(lng, 'iceHold.releaseInfoShared'));
    }
    expect(await youth).toContain('Cal. Welf. & Inst. Code §§ 827(a)(1)(P), 831(b), 831(e)');
  });

  it('does not tell a young person it will comply when it said it would not', async () => {
    const refused = await textOf({ county: 'fresno', youth: true, iceHold: { received: true, agencyWillComply: false } });
    expect(refused).toContain(printed('en', 'iceHold.agencyWillNotComply'));
    expect(refused).not.toContain(printed('en', 'iceHold.complyNoHolding'));
    expect(refused).not.toContain(printed('en', 'iceHold.youthReleaseConfidential'));
  });
});

describe('the staff checklist', () => {
  const adult = textOf({ county: 'fresno', language: 'es', iceHold: { received: true }, print: { staffChecklist: true } });
  const youth = textOf({ county: 'fresno', language: 'es', youth: true, iceHold: { received: true }, print: { staffChecklist: true } });

  it('puts what the law requires apart from what the guidance recommends, in both languages', async () => {
    for (const lng of languages) {
      const law = (await adult).indexOf(printed(lng, 'staff.lawTitle'));
      const recommended = (await adult).indexOf(printed(lng, 'staff.recommendedTitle'));
      expect(law).toBeGreaterThan(-1);
      expect(recommended).toBeGreaterThan(law);
      const lawPart = (await adult).slice(law, recommended);
      for (const key of ['copyOfHold', 'releaseNotice', 'interviewConsent', 'noHolding', 'noTransfer']) expect(lawPart).toContain(withCitation(lng, `staff.${key}`));
      // "At the same time" is Responsible Releases' word, not the statute's: it sits with the recommendations.
      expect(lawPart).not.toContain(printed(lng, 'staff.sameTime'));
      expect((await adult).slice(recommended)).toContain(`${printed(lng, 'staff.sameTime')} ${printed(lng, 'staff.sameTimeCite')}`);
    }
    expect(printed('en', 'staff.sameTimeCite')).toMatch(/^Recommended in Responsible Releases/);
  });

  it('names the parent or guardian for a young person, and not for an adult', async () => {
    for (const lng of languages) {
      for (const key of ['sameTimeYouth', 'callPeopleYouth']) {
        expect(await youth).toContain(printed(lng, `staff.${key}`));
        expect(await adult).not.toContain(printed(lng, `staff.${key}`));
      }
      expect(await youth).toContain(withCitation(lng, 'staff.juvenile'));
    }
    expect(printed('en', 'staff.sameTimeYouth')).toContain('parent or guardian');
  });
});
