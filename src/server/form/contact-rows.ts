/**
 * The designated-contact rows the staff form shows: one on a new form; after a post, the rows that were
 * filled, in order and without gaps, exactly as formToRequest reads them, so an error at "contacts.1.phone"
 * lands next to the second filled row; "add another" (a submit button, so it works without JavaScript) adds
 * one empty row to those that were on the page, up to the request schema's limit.
 */
import { limits } from '../../request/schema.js';
import type { FormFields } from './form-fields.js';

const contactField = /^contacts\.(\d{1,2})\.(role|name|phone)$/;

export interface ContactRows {
  /** The posted fields with the contact rows renumbered 0, 1, 2… in their order on the page. */
  fields: FormFields;
  /** Rows to show. */
  count: number;
  /** Whether another row may be added. */
  canAdd: boolean;
}

export function contactRows(fields: FormFields, addsRow: boolean): ContactRows {
  const rows = new Map<number, Record<string, string>>();
  const others: FormFields = {};
  for (const [name, raw] of Object.entries(fields)) {
    const match = contactField.exec(name);
    if (!match) {
      others[name] = raw;
      continue;
    }
    const row = rows.get(Number(match[1])) ?? {};
    row[match[2]!] = (Array.isArray(raw) ? raw[0] : raw) ?? '';
    rows.set(Number(match[1]), row);
  }
  // "Filled" as formToRequest has it: a row with any non-blank value is a contact, a blank row a gap.
  const filled = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.values(row).some((value) => value.trim() !== ''));
  filled.forEach((row, index) => {
    for (const [part, value] of Object.entries(row)) others[`contacts.${index}.${part}`] = value;
  });
  const wanted = addsRow ? Math.max(rows.size, filled.length, 1) + 1 : Math.max(filled.length, 1);
  // Never fewer rows than were filled, even past the limit: their values stay, and the limit's error says why.
  const count = Math.max(filled.length, Math.min(limits.contacts, wanted));
  return { fields: others, count, canAdd: count < limits.contacts };
}
