/** An error as a reader sees it: translated message and one translated line per bad field; no input values echoed. */
import { isPacketError } from '../errors.js';
import type { Catalogs } from './catalogs.js';

export interface ErrorDescription {
  code: string;
  status: number;
  message: string;
  issues: { path: string; message: string }[];
}

export function describeError(error: unknown, lng: string | undefined, catalogs: Catalogs): ErrorDescription {
  const language = lng && catalogs.has(lng) ? lng : 'en';
  const t = catalogs.fixedT(language);
  if (!isPacketError(error)) {
    return { code: 'PKT_ERR_INTERNAL', status: 500, message: t('errors:PKT_ERR_INTERNAL'), issues: [] };
  }
  return {
    code: error.code,
    status: error.status,
    message: t(error.messageKey),
    issues: error.issues.map((issue) => ({
      path: issue.path,
      message: t(issue.messageKey, { ...issue.params, interpolation: { escapeValue: false } }),
    })),
  };
}
