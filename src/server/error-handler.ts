/** Every failure as an RFC 9457 problem body in the request's language; logs carry codes and paths, never values. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PacketError, isPacketError } from '../errors.js';
import { describeError } from '../i18n/describe-error.js';
import { requestedLanguage } from '../request/parse-request.js';
import type { Catalogs } from '../i18n/catalogs.js';
import { languageFromAcceptLanguage, resolveOperatorLanguage } from '../i18n/operator-language.js';

/** Fastify's own body errors, mapped to ours so the reader gets the same kind of answer. */
function fromFastify(error: FastifyError): PacketError | undefined {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new PacketError('PKT_ERR_REQUEST_JSON', { issues: [{ path: '', messageKey: 'errors:field.json' }] });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PacketError('PKT_ERR_REQUEST_TOO_LARGE');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '', messageKey: 'errors:field.mediaType' }] });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '', messageKey: 'errors:field.invalid' }] });
  return undefined;
}

/** Socket errors a request body stream raises when its client hangs up half-way. */
const clientAbortCodes = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** The client went away: nothing to answer, nothing wrong with the service. */
export function isClientAbort(error: unknown, request: FastifyRequest): boolean {
  if (isPacketError(error)) return error.code === 'PKT_ERR_CLIENT_GONE';
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && clientAbortCodes.has(code)) return true;
  return request.raw.aborted || (error instanceof Error && error.message === 'aborted') || request.socket?.destroyed === true;
}

/**
 * The reader's language: Accept-Language first (the operator's own), else the language the request asked
 * for (a GET in its query, ?language=es; a POST in its body), else English.
 */
export function errorLanguage(request: FastifyRequest, catalogs: Catalogs): string | undefined {
  return (
    languageFromAcceptLanguage(request.headers['accept-language'], catalogs) ??
    resolveOperatorLanguage(requestedLanguage(request.body) ?? requestedLanguage(request.query), catalogs)
  );
}

export interface ErrorHandlerOptions {
  /** Seconds a client refused with 503 should wait (the render queue's estimate). */
  retryAfterSeconds?: () => number;
}

export function createErrorHandler(catalogs: Catalogs, options: ErrorHandlerOptions = {}) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (isClientAbort(error, request)) {
      // Info, not error: a closed tab or a load balancer's cut is routine (it was 25,809 error lines in one session).
      request.log.info({ code: 'PKT_ERR_CLIENT_GONE' }, 'client closed the connection before the answer');
      return reply.code(499).send();
    }
    const packetError = isPacketError(error) ? error : fromFastify(error);
    const description = describeError(packetError ?? error, errorLanguage(request, catalogs), catalogs);
    if (description.status >= 500 && description.code !== 'PKT_ERR_BUSY') {
      // The error's message may quote input; log only the error's class ("TypeError") and codes.
      request.log.error({ code: description.code, errorClass: error.constructor.name, errorCode: (error as FastifyError).code }, 'packet request failed');
    } else {
      request.log.info({ code: description.code, paths: description.issues.map((issue) => issue.path) }, 'packet request rejected');
    }
    if (description.code === 'PKT_ERR_BUSY') reply.header('retry-after', String(options.retryAfterSeconds?.() ?? 1));
    return reply
      .code(description.status)
      .header('cache-control', 'no-store')
      .type('application/problem+json')
      .send({
        type: `urn:release-packet:error:${description.code}`,
        title: description.message,
        status: description.status,
        code: description.code,
        issues: description.issues,
      });
  };
}
