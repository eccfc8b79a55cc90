import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { checkDirectory } from '../../src/directory/check-directory.js';
import { defaultDirectoryDir } from '../../src/directory/load-directory.js';

const today = new Date('2026-11-27T00:00:00Z');
const states = readdirSync(defaultDirectoryDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe.each(states)('the embedded %s directory', (state) => {
  const inspection = inspectStateDirectory(join(defaultDirectoryDir, state));

  it('validates every file against the schema, with no problem at all', () => {
    expect(inspection.problems).toEqual([]);
    expect(inspection.entries.length).toBeGreaterThan(0);
  });

  it('gives every entry a source it names and a date', () => {
    for (const entry of inspection.entries) {
      expect(entry.source.title.trim(), entry.id).not.toBe('');
      expect(entry.source.readOn, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('resolves every county an entry serves', () => {
    const slugs = new Set(inspection.stateFile!.counties.map((county) => county.slug));
    for (const entry of inspection.entries) for (const slug of entry.serviceArea.counties) expect(slugs, `${entry.id} → ${slug}`).toContain(slug);
  });

  it('lists each phone line once, so no packet prints the same number twice', () => {
    expect(checkDirectory(inspection, { today, staleMonths: 12 }).sharedPhones).toEqual([]);
  });
});

describe('California', () => {
  const inspection = inspectStateDirectory(join(defaultDirectoryDir, 'ca'));

  it('has all 58 counties with distinct five-digit FIPS codes of state 06', () => {
    const counties = inspection.stateFile!.counties;
    expect(counties).toHaveLength(58);
    expect(new Set(counties.map((county) => county.fips)).size).toBe(58);
    for (const county of counties) expect(county.fips).toMatch(/^06\d{3}$/);
  });

  it('has a coverage row for every county, computed from the entries', () => {
    const report = checkDirectory(inspection, { today, staleMonths: 12 });
    expect(report.coverage.map((row) => row.slug)).toEqual(inspection.stateFile!.counties.map((county) => county.slug));
    const losAngeles = report.coverage.find((row) => row.slug === 'los-angeles')!;
    const networksServingLa = inspection.entries.filter((entry) => entry.kind === 'rapid-response' && entry.serviceArea.counties.includes('los-angeles'));
    expect(losAngeles.networkIds).toEqual(networksServingLa.map((entry) => entry.id));
  });
});
