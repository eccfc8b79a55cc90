/**
 * Derived data, expired recognition and who a provider serves (issue 12): 27 providers parsed from EOIR's
 * lists printed "confirmed" with no verify mark, six printed as DOJ-recognized after their recognition had
 * expired, and seven counties told adults about a children-only office and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { checkDirectory } from '../../src/directory/check-directory.js';
import { defaultDirectoryDir } from '../../src/directory/load-directory.js';
import { isRecognizedOn } from '../../src/directory/entry-dates.js';
import { generatePreview } from '../../src/generate.js';
import { today } from '../support/packets.js';

const california = inspectStateDirectory(join(defaultDirectoryDir, 'ca'));
const byId = (id: string) => california.entries.find((entry) => entry.id === id)!;
const preview = (request: Record<string, unknown>) => generatePreview({ language: 'en', ...request }, { today });
/** The HTML of one entry's block in a preview, found by its phone number. */
const blockOf = (html: string, phone: string) => {
  const at = html.indexOf(phone.replace(/ /g, '\u00a0'));
  expect(at, phone).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf('<div class="entry">', at), html.indexOf('</div>', at));
};

describe('entries taken from a copy or parse of an official list', () => {
  const derived = california.entries.filter((entry) => entry.source.derivedFrom);

  it('carry the official list they were parsed from', () => {
    expect(derived.length).toBeGreaterThanOrEqual(27);
    for (const entry of derived) {
      expect(entry.source.derivedFrom!.url, entry.id).toMatch(/^https:\/\/www\.justice\.gov\/eoir\//);
      expect(entry.source.derivedFrom!.how, entry.id).toBe('machine-parse');
    }
  });

  it('are listed by directory check as due, and print the verify mark until someone confirms them', () => {
    const report = checkDirectory(california, { today, staleMonths: 12 });
    for (const entry of derived.filter((candidate) => candidate.history.length === 0)) expect(report.derived, entry.id).toContain(entry.id);
    const block = blockOf(preview({ county: 'san-diego' }), byId('legal-provider-casa-cornelia-law-center').phones[0]!.number);
    expect(block).toContain('<strong>VERIFY / VERIFIQUE</strong> · listed by EOIR List of Pro Bono');
    expect(block).not.toMatch(/confirmed [A-Z][a-z]{2} \d/);
  });
});

describe('DOJ recognition', () => {
  it('is printed for a current recognition and never for an expired one', () => {
    const monterey = blockOf(preview({ county: 'monterey' }), byId('legal-provider-catholic-charities-diocese-of-monterey').phones[0]!.number);
    expect(monterey).toContain('Recognized by the U.S. Department of Justice');
    const sonoma = preview({ county: 'sonoma' });
    for (const id of ['legal-provider-california-human-development-santa-rosa', 'legal-provider-vidas-santa-rosa']) {
      expect(byId(id).recognition?.status).toBe('expired-renewal-pending');
      expect(blockOf(sonoma, byId(id).phones[0]!.number)).not.toContain('Recognized by the U.S. Department of Justice');
    }
  });

  it('stops being claimed the day after the roster says it expires', () => {
    const entry = byId('legal-provider-watsonville-law-center');
    expect(entry.recognition?.expiresOn).toBe('2027-04-15');
    expect(isRecognizedOn(entry, new Date('2027-04-15T00:00:00Z'))).toBe(true);
    expect(isRecognizedOn(entry, new Date('2027-04-16T00:00:00Z'))).toBe(false);
  });

  it('keeps the reason on file for every provider not printed as recognized', () => {
    const lapsed = california.entries.filter((entry) => entry.recognition && !isRecognizedOn(entry, today));
    expect(lapsed.map((entry) => entry.id).sort()).toEqual([
      'legal-provider-california-human-development-santa-rosa',
      'legal-provider-community-action-board-santa-cruz',
      'legal-provider-on-the-move-napa',
      'legal-provider-sierra-community-house-truckee',
      'legal-provider-up-valley-family-centers',
      'legal-provider-vidas-santa-rosa',
    ]);
    for (const entry of lapsed) expect(entry.recognition!.note, entry.id).toMatch(/expire/);
  });

  it('is refused as data when written into a service\'s words instead of its recognition', () => {
    const root = mkdtempSync(join(tmpdir(), 'release-packet-recognition-'));
    try {
      cpSync(new URL('../fixtures/directory/zz', import.meta.url).pathname, join(root, 'zz'), { recursive: true });
      const file = join(root, 'zz', 'legal-providers.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.entries[0].service.description = 'A DOJ-recognized organization.';
      writeFileSync(file, JSON.stringify(json));
      expect(inspectStateDirectory(join(root, 'zz')).problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining('claims a recognition'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('who a provider serves', () => {
  const kindFresno = byId('legal-provider-kind-fresno');
  const kindLa = byId('legal-provider-kind-los-angeles');

  it('is data: the children-only offices say so in HSDS terms', () => {
    expect(kindFresno.eligibility?.maximumAge).toBe(17);
    expect(kindLa.eligibility?.maximumAge).toBe(17);
  });

  it('never lists a children-only provider in an adult packet', () => {
    for (const county of kindFresno.serviceArea.counties) {
      expect(preview({ county }), county).not.toContain(kindFresno.phones[0]!.number.replace(/ /g, '\u00a0'));
    }
    expect(preview({ county: 'los-angeles' })).not.toContain(kindLa.phones[0]!.number.replace(/ /g, '\u00a0'));
  });

  it('lists children\'s providers first in a youth packet, marked as such', () => {
    const kings = preview({ county: 'kings', youth: true });
    expect(blockOf(kings, kindFresno.phones[0]!.number)).toContain('Children and youth under 18 only');
    const la = preview({ county: 'los-angeles', youth: true });
    const legal = la.slice(la.indexOf('data-section="legal-providers"'));
    const firstEntry = legal.slice(legal.indexOf('<div class="entry">'), legal.indexOf('</div>'));
    expect(firstEntry).toContain(kindLa.organization.name.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').slice(0, 20));
  });
});
