import { PDFDocument } from 'pdf-lib';

/**
 * Fetches the prebuilt PDF (which already embeds its subset font), stamps it with the
 * moment of download, and hands it to the browser as a file. Loaded only on export,
 * so pdf-lib never weighs on the first load and fontkit never ships.
 */
export async function downloadMapPdf(url: string, filename = 'deployment-map.pdf'): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the prebuilt PDF answered ${response.status} ${response.statusText}`);
  const doc = await PDFDocument.load(await response.arrayBuffer(), { updateMetadata: false });
  doc.setModificationDate(new Date());
  const bytes = await doc.save({ useObjectStreams: true });
  const href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
