/** Puts a prepared FontProgram into one PDF (a pdf-lib context) as a Type0/CIDFontType2 font, without re-encoding it. */
import { PDFInvalidObject, PDFName, PDFRawStream, PDFString, type PDFContext, type PDFRef } from './pdf-lib-core.js';
import type { FontProgram } from './font-program.js';

export function embedFontProgram(context: PDFContext, program: FontProgram): PDFRef {
  const fontFile = context.register(
    PDFRawStream.of(context.obj({ Length1: program.fontFile.length, Filter: 'FlateDecode' }), program.fontFile.deflated),
  );
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: program.baseFontName,
      // Symbolic (bit 3): the font's own glyph ids are used, not a standard encoding.
      Flags: 4,
      FontBBox: program.descriptor.bbox,
      ItalicAngle: program.descriptor.italicAngle,
      Ascent: program.descriptor.ascent,
      Descent: program.descriptor.descent,
      CapHeight: program.descriptor.capHeight,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  // pdf-lib writes a PDFInvalidObject's bytes verbatim: the width array was serialized once, at startup.
  const widths = PDFInvalidObject.of(program.widthsArray);
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: program.baseFontName,
      CIDSystemInfo: context.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }),
      FontDescriptor: descriptor,
      W: widths,
      CIDToGIDMap: PDFName.of('Identity'),
    }),
  );
  const toUnicode = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), program.toUnicode));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: program.baseFontName,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}
