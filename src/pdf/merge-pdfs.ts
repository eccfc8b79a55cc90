/**
 * One print-ready PDF from many packets (`batch --merge`): each packet starts on an odd page, a blank
 * page being added after a packet with an odd count, so duplex printing never puts two packets on one
 * sheet; and each packet gets a bookmark (outline item, PDF 32000-1 12.3.3) pointing at its first page.
 * The merged document is built in memory: it is one print job, written once at the end.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef, type PDFDict } from 'pdf-lib';

export interface MergedPacket {
  pdf: Uint8Array;
  /** The bookmark's title, any script. */
  title: string;
}

export class PdfMerger {
  private readonly document: Promise<PDFDocument>;
  private readonly bookmarks: { title: string; page: PDFRef }[] = [];

  constructor(private readonly metadata: { title: string; creator: string; date: Date }) {
    this.document = PDFDocument.create({ updateMetadata: false });
  }

  async add(packet: MergedPacket): Promise<void> {
    const document = await this.document;
    const source = await PDFDocument.load(packet.pdf, { updateMetadata: false });
    const pages = await document.copyPages(source, source.getPageIndices());
    for (const page of pages) document.addPage(page);
    this.bookmarks.push({ title: packet.title, page: pages[0]!.ref });
    if (pages.length % 2 === 1) {
      // Same size as the packet's last page, so the print shop's paper does not change mid-job.
      const { width, height } = pages[pages.length - 1]!.getSize();
      document.addPage([width, height]);
    }
  }

  private writeOutline(document: PDFDocument): void {
    if (this.bookmarks.length === 0) return;
    const { context } = document;
    const outlinesRef = context.nextRef();
    const itemRefs = this.bookmarks.map(() => context.nextRef());
    this.bookmarks.forEach((bookmark, index) => {
      const item: Record<string, unknown> = {
        Title: PDFHexString.fromText(bookmark.title),
        Parent: outlinesRef,
        Dest: context.obj([bookmark.page, PDFName.of('Fit')]),
      };
      if (index > 0) item.Prev = itemRefs[index - 1];
      if (index < itemRefs.length - 1) item.Next = itemRefs[index + 1];
      context.assign(itemRefs[index]!, context.obj(item as Record<string, PDFRef>));
    });
    context.assign(
      outlinesRef,
      context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs[itemRefs.length - 1]!, Count: PDFNumber.of(itemRefs.length) }),
    );
    const catalog: PDFDict = document.catalog;
    catalog.set(PDFName.of('Outlines'), outlinesRef);
    // Open with the bookmarks panel showing: the print shop finds each packet there.
    catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }

  async save(): Promise<Uint8Array> {
    const document = await this.document;
    document.setTitle(this.metadata.title);
    document.setCreator(this.metadata.creator);
    document.setProducer(this.metadata.creator);
    document.setCreationDate(this.metadata.date);
    document.setModificationDate(this.metadata.date);
    this.writeOutline(document);
    return document.save({ useObjectStreams: false });
  }
}
