/**
 * Adds a "Copy" button to every highlighted code block under `root` (progressive
 * enhancement: the blocks are prerendered text, readable and selectable without script).
 * The button copies the block's text exactly as shown and says so in its own label,
 * which a screen reader announces through the polite live region beside it.
 */
export function addCopyButtons(root: HTMLElement): void {
  for (const block of root.querySelectorAll<HTMLElement>('.code-block')) {
    const pre = block.querySelector('pre');
    if (!pre || block.querySelector(':scope > .code-copy')) continue;
    const title = block.querySelector('.code-title > span:first-child')?.textContent;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', title ? `Copy ${title}` : 'Copy code');
    const status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.textContent ?? '');
        button.textContent = 'Copied';
        status.textContent = 'Copied to the clipboard';
      } catch {
        button.textContent = 'Copy failed';
        status.textContent = 'Could not copy: select the text and copy it instead';
      }
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
    block.append(button, status);
  }
}
