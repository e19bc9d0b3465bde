/** The PDF's page sizes and file names: one table for the build, the dialog and the links. */
export type PageSize = 'A4' | 'Letter' | 'A3';

/** Portrait page sizes in points, in the order the dialog offers them. The map page uses them landscape. */
export const PAGE_SIZES: Record<PageSize, [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
  A3: [841.89, 1190.55]
};

/** Every page size, in the table's order. */
export const PAGE_SIZE_NAMES = Object.keys(PAGE_SIZES) as PageSize[];

/** The size of the plain download link and of a PDF made without a choice. */
export const DEFAULT_PAGE_SIZE: PageSize = 'A4';

/** File name of the prebuilt PDF for a page size. */
export function pdfFileName(size: PageSize): string {
  return size === DEFAULT_PAGE_SIZE
    ? 'deployment-map.pdf'
    : `deployment-map-${size.toLowerCase()}.pdf`;
}

/** File name of the default PDF: the plain download, and what the dialog saves. */
export const PDF_FILE_NAME = pdfFileName(DEFAULT_PAGE_SIZE);
