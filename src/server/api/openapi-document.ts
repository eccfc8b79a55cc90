/**
 * The API's OpenAPI 3.1 description, generated at startup from the same zod schema that validates
 * requests (z.toJSONSchema): no second, hand-written schema to drift from the code.
 */
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { vocabularyOf } from '../../generate.js';
import { createRequestSchema } from '../../request/schema.js';
import { errorCodes } from '../../errors.js';
import { packageVersion } from '../../version.js';
import { batchRequestSchema, maxPacketsPerBatch } from '../routes/batches.js';

const problem = {
  type: 'object',
  description: 'RFC 9457 problem details; `title` and each issue\'s `message` are in the reader\'s language (Accept-Language).',
  properties: {
    type: { type: 'string', examples: ['urn:release-packet:error:PKT_ERR_REQUEST_INVALID'] },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(errorCodes) },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string', description: 'The field, as a dotted path; "" is the body as a whole (an empty body, invalid JSON).', examples: ['person.name', ''] }, message: { type: 'string' } }, required: ['path', 'message'] },
    },
  },
  required: ['type', 'title', 'status', 'code', 'issues'],
};

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export function buildOpenApiDocument(engine: Engine) {
  const vocabulary = vocabularyOf(engine);
  const requestSchema = z.toJSONSchema(createRequestSchema(vocabulary), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  delete requestSchema.$schema;
  const batchSchema = z.toJSONSchema(batchRequestSchema, { io: 'input' }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  delete batchSchema.$schema;
  batchSchema.properties.counties = { ...batchSchema.properties.counties, description: 'County slugs, region names (e.g. bay-area) or "all".', examples: [['fresno', 'kern']] };
  batchSchema.properties.languages = { ...batchSchema.properties.languages, description: 'Locale ids of the packets\' first language.', examples: [vocabulary.localeIds.slice(0, 2)] };
  // The values the transforms accept, as documentation: tags and slugs (names and regional tags resolve too).
  requestSchema.properties.language = { ...requestSchema.properties.language, description: 'BCP 47 tag or name of a shipped locale; es-MX resolves to es.', examples: vocabulary.localeIds };
  requestSchema.properties.secondLanguage = { ...requestSchema.properties.secondLanguage, description: 'Defaults to English (Spanish when language is English); must differ from language.' };
  requestSchema.properties.county = { ...requestSchema.properties.county, description: 'County short name or name, any case: los-angeles, "Los Angeles".', examples: vocabulary.countySlugs.slice(0, 5) };

  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const errors = { 400: problemResponse('Invalid request: each issue names a field path'), 401: problemResponse('API key missing or wrong (when RELEASE_PACKET_API_KEYS is set)'), 429: problemResponse('Rate limit exceeded; see Retry-After') };
  return {
    openapi: '3.1.0',
    info: {
      title: 'release-packet',
      version: packageVersion(),
      description: 'Personalized, bilingual know-your-rights release packets (PDF). Personal data travels only in POST bodies and is never kept.',
    },
    components: {
      schemas: { PacketRequest: requestSchema, BatchRequest: batchSchema, Problem: problem },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
    },
    // Keys are optional: required only when the service is started with RELEASE_PACKET_API_KEYS.
    security: [{}, { bearer: [] }, { apiKey: [] }],
    paths: {
      '/api/v1/packets': {
        post: {
          summary: 'Make one packet',
          description: 'Answers the PDF, or the HTML preview of the same document for Accept: text/html.',
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/PacketRequest' }) },
          responses: {
            200: { description: 'The packet', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'text/html': { schema: { type: 'string' } } } },
            ...errors,
            406: problemResponse('Accept refuses both PDF and HTML'),
            413: problemResponse('Body too large'),
            503: problemResponse('Render queue full; see Retry-After'),
          },
        },
      },
      '/api/v1/batches': {
        post: {
          summary: 'Make generic packets for many counties and languages, as one ZIP',
          description: `Generic packets (fill-in lines, no personal data), streamed as a ZIP as they are made, with manifest.csv and manifest.json last; at most ${maxPacketsPerBatch} packets. A ZIP cut short means the batch failed mid-stream.`,
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/BatchRequest' }) },
          responses: {
            200: { description: 'The packets and their manifest', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
            ...errors,
            413: problemResponse('Body too large'),
            503: problemResponse('Render queue full; see Retry-After'),
          },
        },
      },
      '/api/v1/counties': {
        get: { summary: 'Counties a request may name, with directory coverage', responses: { 200: { description: 'Counties', content: json({ type: 'object' }) }, ...errors } },
      },
      '/api/v1/locales': {
        get: {
          summary: 'Languages a packet can be printed in, with review status',
          responses: {
            200: {
              description: 'Locales',
              content: json({
                type: 'object',
                properties: {
                  locales: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { id: { type: 'string' }, name: { type: 'string' }, englishName: { type: 'string' }, dir: { enum: ['ltr', 'rtl'] }, status: { enum: ['reviewed', 'draft'] }, needsReview: { type: 'integer' } },
                    },
                  },
                },
              }),
            },
            ...errors,
          },
        },
      },
      '/api/v1/directory': {
        get: {
          summary: 'Directory entries a packet for this county would print, with source and freshness',
          parameters: [
            { name: 'county', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'destinationCounty', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'Entries', content: json({ type: 'object' }) }, ...errors },
        },
      },
      '/healthz': { get: { summary: 'Liveness: the process answers', security: [], responses: { 200: { description: 'ok', content: json({ type: 'object' }) } } } },
      '/readyz': { get: { summary: 'Readiness: every render worker is warm', security: [], responses: { 200: { description: 'ready', content: json({ type: 'object' }) }, 503: { description: 'starting or shutting down' } } } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
