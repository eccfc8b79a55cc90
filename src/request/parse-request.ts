/** Turns untrusted input into a PacketRequest, or a PacketError whose issues name each bad field. */
import { z, type core } from 'zod';
import { PacketError, type FieldIssue } from '../errors.js';
import { editDistance } from './resolve-names.js';
import { createRequestSchema, type PacketRequest, type PacketRequestSchema, type RequestVocabulary } from './schema.js';

const schemas = new WeakMap<RequestVocabulary, PacketRequestSchema>();

function schemaFor(vocabulary: RequestVocabulary): PacketRequestSchema {
  let schema = schemas.get(vocabulary);
  if (!schema) {
    schema = createRequestSchema(vocabulary);
    schemas.set(vocabulary, schema);
  }
  return schema;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/** Where the zod issue's path leads in the raw input, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The field names an object of the schema takes at this path (array positions pass through). */
function knownKeysAt(schema: core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: core.$ZodType | undefined = schema;
  const unwrap = (type: core.$ZodType | undefined): core.$ZodType | undefined => {
    let inner = type;
    while (inner && 'innerType' in inner._zod.def) inner = inner._zod.def.innerType as core.$ZodType;
    return inner;
  };
  for (const part of path) {
    current = unwrap(current);
    const def = current?._zod.def as { type?: string; shape?: Record<string, core.$ZodType>; element?: core.$ZodType } | undefined;
    current = def?.type === 'array' ? def.element : def?.shape?.[String(part)];
  }
  const shape = (unwrap(current)?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** "person.name" for "name": the first object field of the request that takes this key. */
function nestedHomeOf(schema: core.$ZodType, key: string): string | undefined {
  for (const parent of knownKeysAt(schema, [])) {
    for (const path of [[parent], [parent, 0]]) {
      if (knownKeysAt(schema, path).includes(key)) return `${parent}.${key}`;
    }
  }
  return undefined;
}

/**
 * An unknown key is never echoed, in the path, the message or the log: a key can hold a name
 * ({"person": {"Maria Lopez": true}}). It is named by its parent's path and its position among the parent's
 * keys ("person.#2"), which is enough to find it in one's own request; a hash of a name is guessable and a
 * truncated key is still part of the name. When the key is a near miss of a field the object takes, that
 * field (ours, not theirs) is offered: "Did you mean “language”?".
 */
function unknownKeyIssues(parentPath: readonly PropertyKey[], keys: readonly string[], input: unknown, schema: core.$ZodType): FieldIssue[] {
  const parent = valueAt(input, parentPath);
  const ownKeys = typeof parent === 'object' && parent !== null ? Object.keys(parent) : [];
  const known = knownKeysAt(schema, parentPath);
  return keys.map((key): FieldIssue => {
    // A field given one level too high ("name" for person.name) is ours to name: point to where it goes.
    const home = parentPath.length === 0 ? nestedHomeOf(schema, key) : undefined;
    if (home) return { path: home, messageKey: 'errors:field.misplaced', params: { field: home } };
    const position = ownKeys.indexOf(key) + 1;
    const path = [...parentPath.map(String), `#${position || '?'}`].join('.');
    const suggestion = key.length <= 40 ? known.find((name) => editDistance(key, name) <= Math.min(2, name.length >> 2)) : undefined;
    return suggestion
      ? { path, messageKey: 'errors:field.unknownDidYouMean', params: { suggestion } }
      : { path, messageKey: 'errors:field.unknown' };
  });
}

/**
 * Maps a zod issue to our catalog key; the raw zod text never reaches a reader (it may echo input).
 * `input` and `schema` let an unknown key be described without being repeated.
 */
export function toFieldIssues(issue: core.$ZodIssue, input?: unknown, schema?: core.$ZodType): FieldIssue[] {
  const path = joinPath(issue.path);
  const customParams = (issue as { params?: Record<string, string | number> }).params;
  if (typeof customParams?.messageKey === 'string') {
    const { messageKey, ...params } = customParams;
    return [{ path, messageKey: `errors:${messageKey}`, ...(Object.keys(params).length ? { params } : {}) }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeyIssues(issue.path, issue.keys, input, schema ?? z.never());
    case 'invalid_type':
      return [
        issue.input === undefined
          ? { path, messageKey: 'errors:field.required' }
          : { path, messageKey: 'errors:field.type', params: { expected: issue.expected } },
      ];
    case 'too_big':
      return [
        {
          path,
          messageKey: issue.origin === 'array' ? 'errors:field.tooMany' : issue.origin === 'string' ? 'errors:field.tooLong' : 'errors:field.tooBig',
          params: { maximum: Number(issue.maximum) },
        },
      ];
    case 'too_small':
      return [{ path, messageKey: 'errors:field.tooSmall', params: { minimum: Number(issue.minimum) } }];
    case 'invalid_value':
      return [{ path, messageKey: 'errors:field.choice', params: { choices: issue.values.map(String).join(', ') } }];
    case 'invalid_format':
      return [{ path, messageKey: 'errors:field.format' }];
    default:
      return [{ path, messageKey: 'errors:field.invalid' }];
  }
}

/**
 * A request with no body at all (an empty POST, an empty --request file): one issue for the body as a whole,
 * at `bodyPath` ("" is the body itself over HTTP), then each field the schema requires that `given` lacks.
 * The required fields are read from the schema, so any schema (packet, batch) names its own, and a field made
 * required later is named here without anyone remembering to.
 */
export function missingBodyIssues(schema: z.ZodType, bodyPath: string, given: Record<string, unknown> = {}): FieldIssue[] {
  const result = schema.safeParse(given, { reportInput: true });
  const required = result.success ? [] : result.error.issues.flatMap((issue) => toFieldIssues(issue, given, schema)).filter((issue) => issue.messageKey === 'errors:field.required');
  return [{ path: bodyPath, messageKey: 'errors:field.bodyMissing' }, ...required];
}

/** The error for an empty packet request; `given` holds what came some other way (CLI flags). */
export function emptyRequestError(vocabulary: RequestVocabulary, bodyPath = '', given: Record<string, unknown> = {}): PacketError {
  const issues = missingBodyIssues(schemaFor(vocabulary), bodyPath, given);
  return new PacketError('PKT_ERR_REQUEST_INVALID', { issues, detail: issues.map((issue) => `${issue.path || '(body)'} ${issue.messageKey}`).join('; ') });
}

export function parsePacketRequest(input: unknown, vocabulary: RequestVocabulary): PacketRequest {
  // No body is not "a body of the wrong type at path ''": say it is empty, and what it needs.
  if (input === undefined) throw emptyRequestError(vocabulary);
  // reportInput lets us tell "missing" from "wrong type"; the input itself never leaves this function.
  const schema = schemaFor(vocabulary);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => toFieldIssues(issue, input, schema));
  throw new PacketError('PKT_ERR_REQUEST_INVALID', {
    issues,
    detail: issues.map((issue) => `${issue.path || '(root)'} ${issue.messageKey}`).join('; '),
  });
}

/** The language a request asked for, read leniently so its errors can be shown in that language. */
export function requestedLanguage(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const language = (input as { language?: unknown }).language;
  return typeof language === 'string' ? language : undefined;
}

/** Parses a JSON body; invalid JSON is a request error, not a crash. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PacketError('PKT_ERR_REQUEST_JSON', { issues: [{ path: '', messageKey: 'errors:field.json' }] });
  }
}
