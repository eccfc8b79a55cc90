/**
 * What crosses the thread boundary: a request in, bytes (or the preview's HTML) out, and a PacketError as
 * plain data, because a structured clone keeps neither its class nor its code.
 */
import { PacketError, errorCodes, type FieldIssue, type PacketErrorCode } from '../errors.js';

export interface RenderJob {
  format: 'pdf' | 'html';
  /** The untrusted request, parsed in the worker like anywhere else. */
  request: unknown;
  /** "Today" as YYYY-MM-DD, pinned by tests; otherwise the worker's own clock. */
  today?: string;
}

/** A failure without its message: messages may quote input, so only the code and field paths cross. */
export interface JobFailure {
  code: PacketErrorCode;
  issues: FieldIssue[];
  /** The class of a non-PacketError ("TypeError"), for the log. */
  errorClass?: string;
}

export type RenderOutcome = { ok: true; pdf: Uint8Array } | { ok: true; html: string } | { ok: false; failure: JobFailure };

export function toFailure(error: unknown): JobFailure {
  if (error instanceof PacketError) return { code: error.code, issues: error.issues };
  return { code: 'PKT_ERR_INTERNAL', issues: [], errorClass: error instanceof Error ? error.constructor.name : typeof error };
}

export function fromFailure(failure: JobFailure): PacketError {
  const code = failure.code in errorCodes ? failure.code : 'PKT_ERR_INTERNAL';
  const detail = failure.errorClass ?? (failure.issues.length ? failure.issues.map((issue) => `${issue.path || '(root)'} ${issue.messageKey}`).join('; ') : undefined);
  return new PacketError(code, { issues: failure.issues, ...(detail ? { detail } : {}) });
}
