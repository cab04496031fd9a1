/**
 * QR decoding of camera frames with zxing-wasm, its wasm served by the app itself (never the
 * library's default CDN). Returns the text of the first QR code found, or null.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let prepared = false;

function prepare(): void {
  if (prepared) return;
  prepareZXingModule({
    overrides: { locateFile: (path: string) => new URL(`zxing/${path}`, document.baseURI).href },
  });
  prepared = true;
}

export async function decodeQr(frame: ImageData): Promise<string | null> {
  prepare();
  const results = await readBarcodes(frame, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1, characterSet: 'UTF8' });
  const hit = results.find((r) => r.isValid && r.text);
  return hit ? hit.text : null;
}
