/**
 * Counties without a network of their own (issue 12): Modoc's packet printed all fifteen California networks,
 * none of which serves it. Now it prints the nearest few by county borders crossed on the Census adjacency
 * file, each marked not local.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { countyDistances, nearestNetworks } from '../../src/directory/nearest-networks.js';
import { inspectStateDirectory } from '../../src/directory/inspect-directory.js';
import { checkDirectory } from '../../src/directory/check-directory.js';
import { selectEntries } from '../../src/directory/select-entries.js';
import { defaultDirectoryDir, getDirectory } from '../../src/directory/load-directory.js';
import { generatePreview } from '../../src/generate.js';
import { today } from '../support/packets.js';

const california = inspectStateDirectory(join(defaultDirectoryDir, 'ca'));
const counties = california.stateFile!.counties;
const networks = california.entries.filter((entry) => entry.kind === 'rapid-response');

describe('county adjacency', () => {
  it('comes from a named public dataset and is symmetric', () => {
    expect(california.stateFile!.adjacencySource?.title).toMatch(/Census Bureau, County Adjacency File/);
    expect(california.problems).toEqual([]);
    const modoc = counties.find((county) => county.slug === 'modoc')!;
    expect(modoc.adjacent).toEqual(['lassen', 'shasta', 'siskiyou']);
  });

  it('measures distance in county borders crossed', () => {
    const distances = countyDistances(counties, 'modoc');
    expect(distances.get('modoc')).toBe(0);
    expect(distances.get('lassen')).toBe(1);
    expect(distances.get('sonoma')).toBe(4);
    // Every California county is reachable from every other.
    expect(distances.size).toBe(58);
  });
});

describe('nearest networks for a county without one', () => {
  it('picks at most three, nearest first, with the county each serves that is nearest', () => {
    const near = nearestNetworks(counties, networks, 'modoc');
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThanOrEqual(3);
    const distances = near.map((network) => network.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const all = countyDistances(counties, 'modoc');
    const closest = Math.min(...networks.flatMap((entry) => entry.serviceArea.counties.map((slug) => all.get(slug)!)));
    expect(near[0]!.distance).toBe(closest);
  });

  it('is used only when the county has no network of its own', () => {
    const state = getDirectory().states.get('ca')!;
    expect(selectEntries(state, { county: 'fresno', today }).nearbyNetworks).toEqual([]);
    expect(selectEntries(state, { county: 'modoc', today }).nearbyNetworks.map((near) => near.forCounty)).toEqual(['modoc', 'modoc', 'modoc']);
  });

  it('prints in the packet as "not local", and never the state\'s whole list', () => {
    const html = generatePreview({ county: 'modoc', language: 'en' }, { today });
    const section = html.slice(html.indexOf('data-section="rapid-response"'), html.indexOf('</section>', html.indexOf('data-section="rapid-response"')));
    const printed = networks.filter((entry) => section.includes(entry.phones[0]!.number.replace(/ /g, '\u00a0')));
    expect(printed.length).toBeLessThanOrEqual(3);
    expect(printed.length).toBeLessThan(networks.length);
    expect((section.match(/NOT LOCAL to Modoc County/g) ?? []).length).toBe(printed.length);
  });

  it('is reported by directory check for each county without a network', () => {
    const report = checkDirectory(california, { today, staleMonths: 12 });
    const modoc = report.coverage.find((row) => row.slug === 'modoc')!;
    expect(modoc.network).toBe('none');
    expect(modoc.nearestNetworkIds).toEqual(nearestNetworks(counties, networks, 'modoc').map((near) => near.entry.id));
    expect(report.coverage.find((row) => row.slug === 'fresno')!.nearestNetworkIds).toEqual([]);
  });
});
