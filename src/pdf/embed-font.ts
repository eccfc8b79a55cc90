/** Writes a prepared FontProgram into one PDF file as a Type0/CIDFontType2 font, without re-encoding it. */
import type { FontProgram } from './font-program.js';
import { ref, type PdfFile } from './pdf-file.js';

/** Returns the object number of the Type0 font, for the page resources. */
export function embedFontProgram(file: PdfFile, program: FontProgram): number {
  const [fontFile, descriptor, cidFont, toUnicode, type0] = [file.allocate(), file.allocate(), file.allocate(), file.allocate(), file.allocate()];
  const { bbox, italicAngle, ascent, descent, capHeight } = program.descriptor;
  file.addStream(fontFile, `/Length1 ${program.fontFile.length} /Filter /FlateDecode`, program.fontFile.deflated);
  // Flags 4, symbolic (bit 3): the font's own glyph ids are used, not a standard encoding.
  file.addDictionary(
    descriptor,
    `<< /Type /FontDescriptor /FontName /${program.baseFontName} /Flags 4 /FontBBox [${bbox.join(' ')}] /ItalicAngle ${italicAngle} ` +
      `/Ascent ${ascent} /Descent ${descent} /CapHeight ${capHeight} /StemV 80 /FontFile2 ${ref(fontFile)} >>`,
  );
  // The /W array was serialized once, when the program was built.
  file.addDictionary(
    cidFont,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${program.baseFontName} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
      `/FontDescriptor ${ref(descriptor)} /W ${program.widthsArray} /CIDToGIDMap /Identity >>`,
  );
  file.addStream(toUnicode, '/Filter /FlateDecode', program.toUnicode);
  file.addDictionary(
    type0,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${program.baseFontName} /Encoding /Identity-H /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)} >>`,
  );
  return type0;
}
