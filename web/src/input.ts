/**
 * Getting a report into the page: the file picker (its label is the drop zone, so it works with
 * the keyboard and screen readers like any file input), dropping a file anywhere on the page, and
 * pasting the text. Everything stays in the browser: files are read with File.arrayBuffer().
 */

/** The elements of the input section. */
export interface InputElements {
  fileInput: HTMLInputElement;
  dropZone: HTMLElement;
  pasteForm: HTMLFormElement;
  pasteText: HTMLTextAreaElement;
}

/** A report handed to the checker: its bytes and the name that tells its format. */
export type OnInput = (bytes: Uint8Array, name: string) => void;

/** The name given to pasted text (plain text: the parser reads its tables like any .txt). */
export const PASTED_NAME = '粘贴的文字.txt';

async function readFile(file: File, onInput: OnInput): Promise<void> {
  onInput(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Wires the picker, drag and drop, and the paste form to `onInput`. */
export function wireInput(el: InputElements, onInput: OnInput, announce: (message: string) => void): void {
  const take = (files: FileList | null | undefined): void => {
    const file = files?.[0];
    if (!file) return;
    if (files.length > 1) announce(`一次检查一个文件：正在检查第一个文件「${file.name}」。`);
    readFile(file, onInput).catch((error: unknown) => announce(`无法读取文件「${file.name}」：${(error as Error).message}`));
  };

  el.fileInput.addEventListener('change', () => {
    take(el.fileInput.files);
    // Cleared so that choosing the same file again (after fixing it) checks it again.
    el.fileInput.value = '';
  });

  // Dropping anywhere on the page counts: a file dropped next to the zone must not make the
  // browser navigate away to show it.
  const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    el.dropZone.classList.add('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) el.dropZone.classList.remove('dragging');
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    el.dropZone.classList.remove('dragging');
    take(e.dataTransfer?.files);
  });

  el.pasteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.pasteText.value;
    if (text.trim() === '') {
      announce('请先把报告全文粘贴到文本框里。');
      el.pasteText.focus();
      return;
    }
    onInput(new TextEncoder().encode(text), PASTED_NAME);
  });
}
