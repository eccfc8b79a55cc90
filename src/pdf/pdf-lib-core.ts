/**
 * The few classes of pdf-lib's object layer the writer uses, each imported from its own file: loading
 * pdf-lib's core index pulls in every embedder (PNG, JPEG, standard fonts) and costs a one-packet CLI
 * process ~45 ms more. pdf-lib's CommonJS files export their class as `default`.
 */
import contextModule from 'pdf-lib/cjs/core/PDFContext.js';
import writerModule from 'pdf-lib/cjs/core/writers/PDFWriter.js';
import hexStringModule from 'pdf-lib/cjs/core/objects/PDFHexString.js';
import rawStreamModule from 'pdf-lib/cjs/core/objects/PDFRawStream.js';
import stringModule from 'pdf-lib/cjs/core/objects/PDFString.js';
import nameModule from 'pdf-lib/cjs/core/objects/PDFName.js';
import invalidObjectModule from 'pdf-lib/cjs/core/objects/PDFInvalidObject.js';

export const PDFContext = contextModule.default;
export const PDFWriter = writerModule.default;
export const PDFHexString = hexStringModule.default;
export const PDFRawStream = rawStreamModule.default;
export const PDFString = stringModule.default;
export const PDFName = nameModule.default;
export const PDFInvalidObject = invalidObjectModule.default;
// Types only (erased): the instances' types as pdf-lib's index declares them.
import type * as Core from 'pdf-lib/cjs/core/index.js';
export type PDFContext = Core.PDFContext;
export type PDFRawStream = Core.PDFRawStream;
export type PDFRef = Core.PDFRef;
