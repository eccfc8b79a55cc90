/**
 * The staff form: GET / renders it (server-side, works with JavaScript off), POST /packets takes its
 * url-encoded fields, validates them with the request schema and answers the PDF (download or inline),
 * the HTML preview, or the form again with each error next to its field and every value kept.
 * Nothing posted is kept: the answer carries it back once, with Cache-Control: no-store.
 */
import { readFileSync } from 'node:fs';
import formbody from '@fastify/formbody';
import Handlebars from 'handlebars';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Engine } from '../../engine.js';
import { vocabularyOf } from '../../generate.js';
import { isPacketError } from '../../errors.js';
import { describeError } from '../../i18n/describe-error.js';
import { languageFromAcceptLanguage, resolveOperatorLanguage } from '../../i18n/operator-language.js';
import { projectPath } from '../../project-paths.js';
import { createRequestSchema } from '../../request/schema.js';
import type { Renderer } from '../../worker/render-pool.js';
import { clientSignal, fileNameFor, sendPdf, sendPreview } from '../routes/packets.js';
import { formFieldsOf, formToRequest } from './form-fields.js';
import { buildFormView, type FormError, type FormState } from './form-view.js';

const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers: {} } as const;

/** Static files of the form, read once: its stylesheet and its one optional script (no inline script: the CSP forbids it). */
const assets = new Map([
  ['form.css', 'text/css; charset=utf-8'],
  ['form.js', 'text/javascript; charset=utf-8'],
]);

function operatorLanguage(request: FastifyRequest, engine: Engine, chosen: unknown): string {
  const fromChoice = typeof chosen === 'string' ? resolveOperatorLanguage(chosen, engine.catalogs) : undefined;
  return fromChoice ?? languageFromAcceptLanguage(request.headers['accept-language'], engine.catalogs) ?? 'en';
}

export async function registerFormRoutes(app: FastifyInstance, renderer: Renderer, engine: Engine): Promise<void> {
  const template = Handlebars.create().compile(readFileSync(projectPath('templates', 'ui', 'form.hbs'), 'utf8'), compileOptions);
  const files = new Map([...assets].map(([name, type]) => [name, { type, body: readFileSync(projectPath('assets', 'ui', name)) }]));
  const vocabulary = vocabularyOf(engine);
  const schema = createRequestSchema(vocabulary);

  const sendForm = (reply: FastifyReply, state: FormState, status = 200) =>
    reply
      .code(status)
      .header('cache-control', 'no-store')
      .header('content-language', state.uiLanguage)
      .header('vary', 'Accept-Language')
      .type('text/html; charset=utf-8')
      .send(template(buildFormView(engine, state)));

  app.get('/assets/ui/:file', async (request, reply) => {
    const file = files.get((request.params as { file: string }).file);
    if (!file) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=3600').type(file.type).send(file.body);
  });

  app.get('/', async (request, reply) => {
    const { ui } = (request.query ?? {}) as { ui?: unknown };
    return sendForm(reply, { uiLanguage: operatorLanguage(request, engine, ui), fields: {}, errors: [] });
  });

  await app.register(async (scope) => {
    // Url-encoded bodies only here: the JSON API keeps refusing them.
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    scope.post('/packets', async (request, reply) => {
      const fields = formFieldsOf(request.body);
      const first = (name: string) => (Array.isArray(fields[name]) ? fields[name][0] : fields[name]);
      const uiLanguage = operatorLanguage(request, engine, first('ui'));
      // "Add another contact" without JavaScript: the same form, values kept, one more row; nothing is made.
      if (first('action') === 'addContact') return sendForm(reply, { uiLanguage, fields, errors: [], addsContactRow: true });
      const packetRequest = formToRequest(fields, schema);
      const signal = clientSignal(reply);
      try {
        if (first('action') === 'preview') {
          return sendPreview(reply, (await renderer.render({ format: 'html', request: packetRequest }, signal)) as string);
        }
        const pdf = (await renderer.render({ format: 'pdf', request: packetRequest }, signal)) as Uint8Array;
        return sendPdf(reply, pdf, first('delivery') === 'inline' ? 'inline' : 'attachment', fileNameFor(packetRequest, vocabulary));
      } catch (error) {
        // A departed client or a fault: the service's own handling (logging, 500).
        if (!isPacketError(error) || (error.status >= 500 && error.code !== 'PKT_ERR_BUSY')) throw error;
        // A full queue: the same form, values kept, saying when to press again.
        if (error.code === 'PKT_ERR_BUSY') reply.header('retry-after', String(renderer.retryAfterSeconds()));
        const description = describeError(error, uiLanguage, engine.catalogs);
        request.log.info({ code: description.code, paths: description.issues.map((issue) => issue.path) }, 'form request rejected');
        const errors: FormError[] = description.issues.map((issue) => ({ path: issue.path, message: issue.message }));
        return sendForm(reply, { uiLanguage, fields, summary: description.message, errors }, description.status);
      }
    });
  });
}
