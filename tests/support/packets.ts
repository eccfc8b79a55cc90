/** Builds packets the way tests need them: pinned date, shared engine, parsed back with pdf-lib. */
import { PDFDocument } from 'pdf-lib';
import { generatePacket } from '../../src/generate.js';
import { getEngine } from '../../src/engine.js';

export const today = new Date('2026-11-27T00:00:00Z');

export function packetFor(request: Record<string, unknown>): Promise<Uint8Array> {
  return generatePacket(request, { today, engine: getEngine() });
}

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}
