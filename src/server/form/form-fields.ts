/**
 * The staff form posts fields named by request path ("person.name", "contacts.0.phone", "print.cards").
 * They become a PacketRequest object here, typed by the JSON Schema generated from the request's zod
 * schema, so the one schema validates form and JSON alike: a checkbox becomes a boolean, a number field a
 * number, an empty field nothing at all. Fields the form itself adds (ui, action, delivery) are taken off
 * first; any other unknown name is kept so the strict schema refuses it with its path.
 */
import { z } from 'zod';
import type { PacketRequestSchema } from '../../request/schema.js';

export type FormFields = Record<string, string | string[] | undefined>;

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/**
 * The posted body as form fields. A browser posts url-encoded strings; any other body sent here (JSON is
 * parsed app-wide) keeps only its string values, so an array, a number or a nested object is never handed
 * to code that expects text (a JSON array posted to /packets was a 500).
 */
export function formFieldsOf(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) fields[name] = value as string[];
  }
  return fields;
}

/** The form's own controls, not part of a request. */
export const formControls = ['ui', 'action', 'delivery'] as const;

const schemaTrees = new WeakMap<PacketRequestSchema, JsonSchemaNode>();

function jsonSchemaOf(schema: PacketRequestSchema): JsonSchemaNode {
  let tree = schemaTrees.get(schema);
  if (!tree) {
    tree = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    schemaTrees.set(schema, tree);
  }
  return tree;
}

function typeAt(tree: JsonSchemaNode, path: string[]): string | undefined {
  let node: JsonSchemaNode | undefined = tree;
  for (const part of path) node = node?.type === 'array' ? node.items : node?.properties?.[part];
  return node?.type;
}

/** "true"/"on" (a ticked checkbox) and "false" as booleans; anything else is left for the schema to refuse. */
function coerce(value: string, type: string | undefined): unknown {
  if (type === 'boolean') return value === 'true' || value === 'on' ? true : value === 'false' ? false : value;
  if (type === 'number' || type === 'integer') return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return value;
}

const isIndex = (part: string) => /^\d{1,2}$/.test(part);

export function formToRequest(fields: FormFields, schema: PacketRequestSchema): Record<string, unknown> {
  const tree = jsonSchemaOf(schema);
  const request: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    if ((formControls as readonly string[]).includes(name)) continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    const path = name.split('.');
    // Only plain names: "__proto__" and friends never become keys of the request object.
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype' || part === '')) continue;
    let node: Record<string, unknown> | unknown[] = request;
    path.forEach((part, index) => {
      const isLast = index === path.length - 1;
      const key: string | number = Array.isArray(node) && isIndex(part) ? Number(part) : part;
      if (isLast) {
        (node as Record<string | number, unknown>)[key] = coerce(value, typeAt(tree, path));
        return;
      }
      const child = (node as Record<string | number, unknown>)[key];
      const next = child ?? (isIndex(path[index + 1]!) ? [] : {});
      (node as Record<string | number, unknown>)[key] = next;
      node = next as Record<string, unknown> | unknown[];
    });
  }
  // Contact rows left blank on the form are gaps, not entries.
  if (Array.isArray(request.contacts)) request.contacts = request.contacts.filter((contact) => contact !== undefined);
  // The hold's follow-up questions may be answered without ticking "received": that is a "no".
  if (request.iceHold && typeof request.iceHold === 'object' && !('received' in request.iceHold)) {
    request.iceHold = { received: false, ...request.iceHold };
  }
  return request;
}
