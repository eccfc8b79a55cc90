/**
 * The few classes of pdf-lib's object layer the writer uses, each imported from its own file: loading
 * pdf-lib's core index pulls in every embedder (PNG, JPEG, standard fonts) and costs a one-packet CLI
 * process ~45 ms more. pdf-lib's CommonJS files export their class as `default`: Node's ESM import gives
 * the whole exports object, while Vite (vitest) already unwraps `default`; `classOf` accepts both.
 */
import contextModule from 'pdf-lib/cjs/core/PDFContext.js';
import writerModule from 'pdf-lib/cjs/core/writers/PDFWriter.js';
import hexStringModule from 'pdf-lib/cjs/core/objects/PDFHexString.js';
import rawStreamModule from 'pdf-lib/cjs/core/objects/PDFRawStream.js';
import stringModule from 'pdf-lib/cjs/core/objects/PDFString.js';
import nameModule from 'pdf-lib/cjs/core/objects/PDFName.js';
import invalidObjectModule from 'pdf-lib/cjs/core/objects/PDFInvalidObject.js';

function classOf<T>(module: { default: T } | T): T {
  return typeof module === 'function' ? (module as T) : (module as { default: T }).default;
}

export const PDFContext = classOf(contextModule);
export const PDFWriter = classOf(writerModule);
export const PDFHexString = classOf(hexStringModule);
export const PDFRawStream = classOf(rawStreamModule);
export const PDFString = classOf(stringModule);
export const PDFName = classOf(nameModule);
export const PDFInvalidObject = classOf(invalidObjectModule);
// Types only (erased): the instances' types as pdf-lib's index declares them.
import type * as Core from 'pdf-lib/cjs/core/index.js';
export type PDFContext = Core.PDFContext;
export type PDFRawStream = Core.PDFRawStream;
export type PDFRef = Core.PDFRef;
