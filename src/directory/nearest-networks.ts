/**
 * The nearest rapid response networks for a county with none of its own, measured in county borders crossed
 * on the Census county adjacency file (state.json `adjacent`). A sourced measure instead of "call any of the
 * state's fifteen networks": Modoc's packet listed every network in the state, none of which serves it.
 */
import type { County, DirectoryEntry } from './schema.js';

export interface NearbyNetwork {
  entry: DirectoryEntry;
  /** County borders between the county and the nearest county the network serves (1 = a neighbour). */
  distance: number;
  /** The county the network serves that is nearest. */
  viaCounty: string;
}

/** Enough to choose from without handing over the state's list. */
export const nearbyNetworkLimit = 3;

/** Breadth-first distances, in borders crossed, from one county to every county reachable in the state. */
export function countyDistances(counties: readonly County[], from: string): Map<string, number> {
  const bySlug = new Map(counties.map((county) => [county.slug, county]));
  const distances = new Map([[from, 0]]);
  let ring = [from];
  while (ring.length > 0) {
    const next: string[] = [];
    for (const slug of ring) {
      for (const neighbour of bySlug.get(slug)?.adjacent ?? []) {
        if (distances.has(neighbour)) continue;
        distances.set(neighbour, distances.get(slug)! + 1);
        next.push(neighbour);
      }
    }
    ring = next.sort();
  }
  return distances;
}

/** Networks (not statewide lines) ordered by distance, then by name, at most `limit` of them. */
export function nearestNetworks(counties: readonly County[], networks: readonly DirectoryEntry[], from: string, limit = nearbyNetworkLimit): NearbyNetwork[] {
  const distances = countyDistances(counties, from);
  const found: NearbyNetwork[] = [];
  for (const entry of networks) {
    if (entry.scope === 'statewide') continue;
    let best: { distance: number; viaCounty: string } | undefined;
    for (const slug of entry.serviceArea.counties) {
      const distance = distances.get(slug);
      if (distance !== undefined && distance > 0 && (!best || distance < best.distance || (distance === best.distance && slug < best.viaCounty))) {
        best = { distance, viaCounty: slug };
      }
    }
    if (best) found.push({ entry, ...best });
  }
  found.sort((a, b) => a.distance - b.distance || a.entry.organization.name.localeCompare(b.entry.organization.name, 'en'));
  return found.slice(0, limit);
}
