/**
 * fast-check generators for PacketRequests: valid ones (every option, any bundled script) and hostile ones
 * (a valid request with one field replaced by a hostile value, or hostile JSON altogether). One seed per run,
 * printed, so a failure replays: FC_SEED=<seed> npx vitest run tests/property
 */
import fc from 'fast-check';
import { contactRoles, limits, releaseDateRange } from '../../src/request/schema.js';

export const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
process.stdout.write(`fast-check seed ${seed} (replay: FC_SEED=${seed} npx vitest run tests/property)\n`);

/** Letters each bundled face draws, as whole words of one script (bidi then keeps each word's order). */
const scripts = {
  latin: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñüçÁÉÍÓÚÑ',
  vietnamese: 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  greek: 'αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ',
  cyrillic: 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ',
  arabic: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  chinese: '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚',
};

const wordOf = (alphabet: string, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength }).map((letters) => letters.join(''));

/** A printable name: words of any bundled script, sometimes one unbroken 200-character run. */
export const printableText = (maxChars: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.oneof(...Object.values(scripts).map((alphabet) => wordOf(alphabet, 14))), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ').slice(0, maxChars)) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(scripts)).map((alphabet) => alphabet.repeat(Math.ceil(maxChars / alphabet.length)).slice(0, maxChars)) },
  );

const isoDay = fc
  .date({ min: new Date(`${releaseDateRange.minimum}T00:00:00Z`), max: new Date(`${releaseDateRange.maximum}T00:00:00Z`), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const phone = fc.oneof(
  fc.constantFrom('(559) 555-0101', '+52 55 1234 5678', '1-800-515-1935 ext. 12', '555.010.0100 x7'),
  fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: limits.phoneChars }).map((digits) => digits.join('')),
);

export interface Vocabulary {
  localeIds: readonly string[];
  countySlugs: readonly string[];
}

/** Requests the schema must accept and the engine must print; optional fields come and go. */
export function validRequest(vocabulary: Vocabulary) {
  const language = fc.constantFrom(...vocabulary.localeIds);
  const county = fc.constantFrom(...vocabulary.countySlugs);
  return fc
    .record(
      {
        language,
        county,
        destinationCounty: county,
        youth: fc.boolean(),
        person: fc.record({ name: printableText(limits.nameChars) }),
        release: fc.record({ date: isoDay, location: printableText(limits.locationChars) }, { requiredKeys: [] }),
        iceHold: fc.record({ received: fc.boolean(), agencyWillComply: fc.boolean(), releaseInfoSharedWithIce: fc.boolean() }, { requiredKeys: ['received'] }),
        contacts: fc.array(fc.record({ role: fc.constantFrom(...contactRoles), name: printableText(limits.contactNameChars), phone }, { requiredKeys: ['role', 'name'] }), { maxLength: limits.contacts }),
        print: fc.record(
          {
            paper: fc.constantFrom('letter', 'a4'),
            largePrint: fc.boolean(),
            cards: fc.integer({ min: 1, max: limits.cards }),
            cardLayout: fc.constantFrom('duplex', 'fold'),
            staffChecklist: fc.boolean(),
            staffLanguage: language,
            fillIn: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['county'] },
    )
    .map((request) => request as Record<string, unknown>);
}

/** Strings that have broken text handling elsewhere. */
export const hostilePieces = [
  '\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', // bidi controls
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', // zero-width
  '😀', '👩‍👩‍👧', '🏳️‍🌈', '🇲🇽', // emoji (no bundled face: refused as unprintable)
  '\uD800', '\uDFFF', '\uDBFF\uDBFF', // lone surrogates
  '\uFFFE', '\uFFFF', '\uFDD0', '\u{10FFFF}', '\uFFFD', // noncharacters, replacement
  '\u0000', '\u0007', '\u001B[31m', '\u2028', '\u0085', // controls
  '<script>alert(1)</script>', '{{t "x"}}', '{{{name}}}', '%PDF-1.7', ')Tj', '\\', '"', "'", '&amp;', '<b>', // markup
  'ꭰ', 'Ꮳ', '𓀀', '\uE000', // scripts and private use no bundled face draws
];

const combiningMarks = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0308', '\u0316', '\u0327', '\u034F', '\u0489', '\u20DD'];

export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('a', 'Z', 'ب', '王'), fc.array(fc.constantFrom(...combiningMarks), { minLength: 1, maxLength: 60 })).map(([base, marks]) => base + marks.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('x', 'W', 'ب', '王', '😀', ' ').map((character) => character.repeat(10_000)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '0000-01-01', '2026-02-30', '9999-12-31', '-0001-01-01', 'NaN', 'Infinity', 'los-angeles ', 'LOS-ANGELES', 'en ', 'EN', 'zz') },
);

export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

/** Objects nested a few thousand levels deep, as arrays or objects. */
const deepNesting = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, isArray]) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = isArray ? [value] : { a: value };
  return value;
});

/** Any value where a field's value goes: wrong types, hostile strings, pollution attempts, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(-0), fc.constant(1e308), fc.bigInt().map(String), fc.boolean(), fc.constant(null)) },
  { weight: 2, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ maxLength: 8 })), fc.oneof(hostileString, fc.integer()), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.integer()), { maxLength: 8 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** Where a hostile value goes: a known field, or a new key (possibly named like a person or a prototype key). */
const fieldPaths: string[][] = [
  ['language'], ['secondLanguage'], ['county'], ['destinationCounty'], ['youth'], ['person'], ['person', 'name'],
  ['release'], ['release', 'date'], ['release', 'location'], ['iceHold'], ['iceHold', 'received'], ['iceHold', 'agencyWillComply'],
  ['contacts'], ['contacts', '0'], ['contacts', '0', 'name'], ['contacts', '0', 'phone'], ['contacts', '0', 'role'], ['contacts', '7'],
  ['print'], ['print', 'paper'], ['print', 'cards'], ['print', 'largePrint'], ['print', 'cardLayout'], ['print', 'staffLanguage'], ['print', 'fillIn'],
];

const targetPath = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fieldPaths) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom([], ['person'], ['release'], ['print'], ['contacts', '0']), fc.oneof(fc.constantFrom(...prototypeKeys, 'Maria Lopez', 'CANARY-KEY'), fc.string({ minLength: 1, maxLength: 12 }))).map(([parent, key]) => [...parent, key]) },
);

/** Sets a value at a path, creating objects on the way; own properties only (defineProperty), never a prototype. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    const child = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : /^\d+$/.test(path[index + 1] ?? '') ? ([] as unknown as Record<string, unknown>) : {};
    Object.defineProperty(node, key, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
}

/** A valid request with one or two fields made hostile, or a hostile JSON value as the whole request. */
export function hostileRequest(vocabulary: Vocabulary): fc.Arbitrary<unknown> {
  const mutated = fc.tuple(validRequest(vocabulary), fc.array(fc.tuple(targetPath, hostileValue), { minLength: 1, maxLength: 2 })).map(([request, edits]) => {
    const copy = structuredClone(request);
    for (const [path, value] of edits) setAt(copy, path, value);
    return copy;
  });
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 4 })) });
}
