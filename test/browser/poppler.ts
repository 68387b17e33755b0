import { execFileSync } from 'node:child_process';

/** Poppler's PDF tools, which the handout tests read PDFs with. Throws, never skips, when they are missing. */
export function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} was not found, and the print handout tests need it.\nInstall it with:  sudo apt-get update && sudo apt-get install -y poppler-utils`);
    }
  }
}

/** The text of each page of a PDF, whitespace collapsed. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').map((page) => page.replace(/\s+/g, ' ').trim()).filter((page) => page.length > 0);
}

/** Renders every page to PNG beside the PDF, for a person to look at. */
export function pdfImages(file: string, prefix: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', file, prefix]);
}
