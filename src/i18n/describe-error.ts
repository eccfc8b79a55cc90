/** An error as a reader sees it: translated message and one translated line per bad field; no input values echoed. */
import { isPacketError } from '../errors.js';
import type { Catalogs } from './catalogs.js';

export interface ErrorDescription {
  code: string;
  status: number;
  message: string;
  issues: { path: string; message: string }[];
}

/** Messages without values, by language and key: a busy service sends the same 503 thousands of times a second. */
const plainMessages = new WeakMap<Catalogs, Map<string, string>>();

function plainMessage(catalogs: Catalogs, language: string, key: string): string {
  let messages = plainMessages.get(catalogs);
  if (!messages) plainMessages.set(catalogs, (messages = new Map()));
  const memoKey = `${language}\u0000${key}`;
  let message = messages.get(memoKey);
  if (message === undefined) {
    message = catalogs.fixedT(language)(key);
    // Keys are the catalog's own (error codes, field messages), a few hundred at most per language.
    messages.set(memoKey, message);
  }
  return message;
}

export function describeError(error: unknown, lng: string | undefined, catalogs: Catalogs): ErrorDescription {
  const language = lng && catalogs.has(lng) ? lng : 'en';
  if (!isPacketError(error)) {
    return { code: 'PKT_ERR_INTERNAL', status: 500, message: plainMessage(catalogs, language, 'errors:PKT_ERR_INTERNAL'), issues: [] };
  }
  const t = catalogs.fixedT(language);
  return {
    code: error.code,
    status: error.status,
    message: plainMessage(catalogs, language, error.messageKey),
    issues: error.issues.map((issue) => ({
      path: issue.path,
      message: t(issue.messageKey, { ...issue.params, interpolation: { escapeValue: false } }),
    })),
  };
}
