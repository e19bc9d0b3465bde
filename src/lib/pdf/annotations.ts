import { PDFDocument, PDFHexString, PDFName, PDFPage, PDFRef, PDFString } from 'pdf-lib';

export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectArray = (r: PdfRect) => [r.x, r.y, r.x + r.width, r.y + r.height];

/** Adds a link annotation over `rect` that jumps to the top of `target` inside the document. */
export function addInternalLink(
  doc: PDFDocument,
  page: PDFPage,
  rect: PdfRect,
  target: PDFPage,
  title?: string
) {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rectArray(rect),
    Border: [0, 0, 0],
    Dest: [target.ref, 'Fit'],
    ...(title ? { Contents: PDFHexString.fromText(title) } : {})
  });
  page.node.addAnnot(doc.context.register(annot));
}

/** Adds a link annotation over `rect` that opens an external address. */
export function addUriLink(doc: PDFDocument, page: PDFPage, rect: PdfRect, uri: string) {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rectArray(rect),
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(encodeURI(decodeURIComponentSafe(uri))) }
  });
  page.node.addAnnot(doc.context.register(annot));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

export interface OutlineEntry {
  title: string;
  page: PDFPage;
  children?: OutlineEntry[];
}

/**
 * Writes the document outline (bookmarks) from a tree of entries. pdf-lib has no
 * outline API, so the linked dictionaries (First/Last/Next/Prev/Parent/Count) are
 * built by hand; top-level entries start open.
 */
export function setOutline(doc: PDFDocument, entries: OutlineEntry[]) {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (
    items: OutlineEntry[],
    parent: PDFRef
  ): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const dict = ctx.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [item.page.ref, 'Fit']
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      if (item.children?.length) {
        const sub = build(item.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), ctx.obj(sub.count));
        count += sub.count;
      }
      count += 1;
      ctx.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  if (!entries.length) return;
  const top = build(entries, rootRef);
  ctx.assign(
    rootRef,
    ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count })
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
