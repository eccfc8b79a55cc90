/** Every failure as an RFC 9457 problem body in the request's language; logs carry codes and paths, never values. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PacketError, isPacketError } from '../errors.js';
import { describeError } from '../i18n/describe-error.js';
import { requestedLanguage } from '../request/parse-request.js';
import type { Catalogs } from '../i18n/catalogs.js';

/** Fastify's own body errors, mapped to ours so the reader gets the same kind of answer. */
function fromFastify(error: FastifyError): PacketError | undefined {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return new PacketError('PKT_ERR_REQUEST_JSON', { issues: [{ path: '', messageKey: 'errors:field.json' }] });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PacketError('PKT_ERR_REQUEST_TOO_LARGE');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new PacketError('PKT_ERR_REQUEST_INVALID', { issues: [{ path: '', messageKey: 'errors:field.mediaType' }] });
  }
  return undefined;
}

export function createErrorHandler(catalogs: Catalogs) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const packetError = isPacketError(error) ? error : fromFastify(error);
    // A GET names its language in the query (?language=es), a POST in its body.
    const description = describeError(packetError ?? error, requestedLanguage(request.body) ?? requestedLanguage(request.query), catalogs);
    if (description.status >= 500) {
      // The error's message may quote input; log only the error's class ("TypeError") and codes.
      request.log.error({ code: description.code, errorClass: error.constructor.name, errorCode: (error as FastifyError).code }, 'packet request failed');
    } else {
      request.log.info({ code: description.code, paths: description.issues.map((issue) => issue.path) }, 'packet request rejected');
    }
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
