/**
 * Assembles a PDF file from numbered objects (PDF 32000-1 §7.5): header, object bodies, cross-reference
 * table, trailer. Our documents hold only dictionaries and streams we serialize ourselves, so this replaces
 * pdf-lib's object model and save, which cost more per packet than drawing the pages.
 */

/** A dictionary already written as PDF syntax, e.g. `<< /Type /Page ... >>`. */
export type PdfDictionary = string;

/** `n 0 R`: objects are never updated in place, so generation is always 0. */
export function ref(objectNumber: number): string {
  return `${objectNumber} 0 R`;
}

/**
 * A text string (§7.9.2.2) as UTF-16BE hex with a byte-order mark: any script, nothing to escape.
 * Metadata and titles go through here.
 */
export function textString(text: string): string {
  let hex = '<FEFF';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return `${hex}>`;
}

/** A date string (§7.9.4) in UTC: `(D:YYYYMMDDHHmmSSZ)`. */
export function dateString(date: Date): string {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `(D:${digits}Z)`;
}

/** A literal string (§7.3.4.2) of printable ASCII with the three special characters escaped. */
export function literalString(text: string): string {
  return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
}

export class PdfFile {
  private readonly chunks: Uint8Array[] = [];
  private readonly offsets: number[] = [];
  private length = 0;
  private nextNumber = 1;

  constructor() {
    // The comment's high bytes tell transfer tools the file is binary (§7.5.2).
    this.push(Buffer.from('%PDF-1.7\n%\x81\x81\x81\x81\n', 'latin1'));
  }

  /** Reserves an object number, so objects can refer to each other before they are written. */
  allocate(): number {
    return this.nextNumber++;
  }

  addDictionary(objectNumber: number, dictionary: PdfDictionary): void {
    this.offsets[objectNumber] = this.length;
    this.push(Buffer.from(`${objectNumber} 0 obj\n${dictionary}\nendobj\n`, 'latin1'));
  }

  /** `entries` is the stream dictionary's content without /Length, which is added here. */
  addStream(objectNumber: number, entries: string, data: Uint8Array): void {
    this.offsets[objectNumber] = this.length;
    this.push(Buffer.from(`${objectNumber} 0 obj\n<< ${entries} /Length ${data.length} >>\nstream\n`, 'latin1'));
    this.push(data);
    this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  finish(rootNumber: number, infoNumber: number): Uint8Array {
    const xrefOffset = this.length;
    const count = this.nextNumber;
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
    let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
    for (let number = 1; number < count; number++) {
      const offset = this.offsets[number];
      if (offset === undefined) throw new Error(`PDF object ${number} was allocated but never written`);
      table += `${String(offset).padStart(10, '0')} 00000 n \n`;
    }
    table += `trailer\n<< /Size ${count} /Root ${ref(rootNumber)} /Info ${ref(infoNumber)} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    this.push(Buffer.from(table, 'latin1'));
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}
