/**
 * Hands bytes or text to the browser as a downloaded file (a temporary object URL
 * clicked through a detached link), revoking the URL once the download has started.
 */
export function saveFile(data: BlobPart, filename: string, type: string): void {
  const href = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
