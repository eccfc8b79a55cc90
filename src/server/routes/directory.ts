/**
 * GET /api/v1/counties and GET /api/v1/directory?county=…: the directory the packets print from, as JSON,
 * with each entry's source, date and freshness. Public data only: no request here carries a person.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { todayUtc } from '../../generate.js';
import { PacketError, type FieldIssue } from '../../errors.js';
import { countyCoverage } from '../../directory/check-directory.js';
import { selectEntries, type SelectedEntry } from '../../directory/select-entries.js';
import type { StateDirectory } from '../../directory/load-directory.js';

const directoryQuery = z.object({
  county: z.string().optional(),
  destinationCounty: z.string().optional(),
  language: z.string().optional(),
});

/** The entry as stored, with how the packet judges it today: confirmed (when, how) or due for a check. */
function entryWithFreshness({ entry, standing }: SelectedEntry) {
  const { confirmation, needsCheck, isDerived } = standing;
  return { ...entry, freshness: { needsCheck, isDerived, ...(confirmation ? { confirmedOn: confirmation.on, confirmedBy: confirmation.method } : {}) } };
}

function countyOf(state: StateDirectory, slug: string | undefined, path: string, issues: FieldIssue[]) {
  if (slug === undefined) {
    if (path === 'county') issues.push({ path, messageKey: 'errors:field.required' });
    return undefined;
  }
  const county = state.countyBySlug.get(slug);
  if (!county) issues.push({ path, messageKey: 'errors:field.county' });
  return county;
}

export function registerDirectoryRoutes(app: FastifyInstance, engine: Engine): void {
  const state = engine.directory.states.get(engine.stateId)!;
  const stateInfo = { id: state.state, name: state.name };

  // The directory is read-only after startup: the county list with its coverage is computed once.
  const coverage = new Map(countyCoverage(state.counties, state.entries).map((row) => [row.slug, row]));
  const counties = {
    state: stateInfo,
    counties: state.counties.map((county) => {
      const { network, networkIds, legalProviders, publicDefender, consulates } = coverage.get(county.slug)!;
      return { ...county, coverage: { network, networkIds, legalProviders, publicDefender, consulates } };
    }),
  };

  app.get('/api/v1/counties', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return counties;
  });

  app.get('/api/v1/directory', async (request, reply) => {
    const parsed = directoryQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      // A repeated parameter (?county=a&county=b) arrives as a list.
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), messageKey: 'errors:field.type', params: { expected: 'string' } }));
      throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => issue.path).join(', ') });
    }
    const query = parsed.data;
    const issues: FieldIssue[] = [];
    const county = countyOf(state, query.county, 'county', issues);
    const destination = countyOf(state, query.destinationCounty, 'destinationCounty', issues);
    if (issues.length || !county) throw new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => issue.path).join(', ') });

    const today = todayUtc();
    const selection = selectEntries(state, { county: county.slug, ...(destination ? { destinationCounty: destination.slug } : {}), today });
    reply.header('cache-control', 'public, max-age=300');
    return {
      state: stateInfo,
      county,
      ...(destination ? { destinationCounty: destination } : {}),
      checkedOn: today.toISOString().slice(0, 10),
      // The packet's order: networks of the release county, then of the destination, then the nearest, then statewide lines.
      rapidResponse: selection.releaseNetworks.map(entryWithFreshness),
      destinationRapidResponse: selection.destinationNetworks.map(entryWithFreshness),
      legalProviders: selection.legalProviders.map(entryWithFreshness),
      publicDefenders: selection.publicDefenders.map(entryWithFreshness),
      consulates: selection.consulates.map(entryWithFreshness),
      // Not local: for a county with no network of its own, the nearest on file (county borders crossed).
      nearbyNetworks: selection.nearbyNetworks.map((near) => ({ ...entryWithFreshness(near), nearby: { forCounty: near.forCounty, viaCounty: near.viaCounty, distance: near.distance } })),
      statewideNetworks: selection.statewideNetworks.map(entryWithFreshness),
    };
  });
}
