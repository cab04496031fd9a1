/**
 * What the tests ask of a PDF, through poppler (installed by set-up): the text layer
 * (`pdftotext`) and whether a page rendered at 50 dpi (`pdftoppm`) has ink on it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Share of dark pixels on a page, and its size in pixels. */
export function pageInk(pdf: Buffer, page = 1): { dark: number; width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'out.png')));
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 384) dark++;
    return { dark: dark / (png.width * png.height), width: png.width, height: png.height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
