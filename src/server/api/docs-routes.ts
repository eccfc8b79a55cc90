/**
 * GET /openapi.json (generated from the zod schemas) and GET /docs: the same document as a readable page,
 * rendered on the server with no script at all, so it satisfies the service's CSP as it stands.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../engine.js';
import { listLocales } from '../../i18n/list-locales.js';
import { projectPath } from '../../project-paths.js';
import { buildOpenApiDocument } from './openapi-document.js';

interface Operation {
  summary?: string;
  description?: string;
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}

export function registerDocsRoutes(app: FastifyInstance, engine: Engine): void {
  const document = buildOpenApiDocument(engine);
  const template = Handlebars.create().compile(readFileSync(projectPath('templates', 'ui', 'docs.hbs'), 'utf8'), { strict: true, knownHelpersOnly: true, knownHelpers: {} });
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? '',
      description: operation.description ?? '',
      responses: Object.entries(operation.responses).map(([status, response]) => ({ status, description: response.description, types: Object.keys(response.content ?? {}).join(', ') })),
    })),
  );
  const page = template({
    title: document.info.title,
    version: document.info.version,
    description: document.info.description,
    operations,
    // Every schema the operations refer to, so a new one cannot be left off the page.
    schemas: Object.entries(document.components.schemas).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) })),
  });

  app.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(document));
  app.get('/docs', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').type('text/html; charset=utf-8').send(page));
  app.get('/api/v1/locales', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { locales: listLocales(engine.catalogs) };
  });
}
