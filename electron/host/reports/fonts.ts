/**
 * The PDFs' font: DejaVu Sans (regular and bold), shipped in resources/fonts/ with its licence
 * (Bitstream Vera licence, DejaVu changes in the public domain: resources/fonts/LICENSE-DejaVu.txt).
 * It covers every Vietnamese letter with its tone marks as precomposed glyphs, so the text layer
 * of the PDF holds the same NFC text the store does. Found beside the code (run from source), in
 * the packaged app's resources (electron-builder extraResources), or at KIOSK_FONTS_DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.KIOSK_FONTS_DIR) out.push(process.env.KIOSK_FONTS_DIR);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) out.push(join(packaged, 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    out.push(join(dir, 'resources/fonts'));
    dir = dirname(dir);
  }
  return out;
}

let cached: FontFiles | null = null;

export function reportFonts(): FontFiles {
  if (cached) return cached;
  for (const dir of candidates()) {
    const regular = join(dir, 'DejaVuSans.ttf');
    const bold = join(dir, 'DejaVuSans-Bold.ttf');
    if (existsSync(regular) && existsSync(bold)) {
      cached = { regular: readFileSync(regular), bold: readFileSync(bold) };
      return cached;
    }
  }
  throw new Error('the report font (resources/fonts/DejaVuSans.ttf) is missing: reinstall the app');
}
