/** Turns untrusted input into a PacketRequest, or a PacketError whose issues name each bad field. */
import type { core } from 'zod';
import { PacketError, type FieldIssue } from '../errors.js';
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

/** Maps a zod issue to our catalog key; the raw zod text never reaches a reader (it may echo input). */
export function toFieldIssues(issue: core.$ZodIssue): FieldIssue[] {
  const path = joinPath(issue.path);
  const customParams = (issue as { params?: Record<string, string | number> }).params;
  if (typeof customParams?.messageKey === 'string') {
    const { messageKey, ...params } = customParams;
    return [{ path, messageKey: `errors:${messageKey}`, ...(Object.keys(params).length ? { params } : {}) }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, messageKey: 'errors:field.unknown' }));
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

export function parsePacketRequest(input: unknown, vocabulary: RequestVocabulary): PacketRequest {
  // reportInput lets us tell "missing" from "wrong type"; the input itself never leaves this function.
  const result = schemaFor(vocabulary).safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap(toFieldIssues);
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
