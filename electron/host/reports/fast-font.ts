/**
 * pdf-lib lays out every string with fontkit (shaping, kerning) to measure and encode it, which
 * costs ~1 ms a cell: a 10,000-row Form 02 took minutes. Vietnamese in NFC needs no shaping (every
 * letter with its marks is one precomposed glyph in DejaVu Sans), so this gives the font a per-
 * character cache of advance widths and glyph codes: each character is laid out once, through the
 * font's own encoder (which also adds the glyph to the embedded subset and its ToUnicode map).
 */
import { PDFHexString, type PDFFont } from 'pdf-lib';

export function withCharCache(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font);
  const measure = font.widthOfTextAtSize.bind(font);
  const hex = new Map<string, string>();
  const width = new Map<string, number>();
  const hexOf = (c: string) => {
    let h = hex.get(c);
    if (h === undefined) {
      h = encode(c).toString().slice(1, -1);
      hex.set(c, h);
    }
    return h;
  };
  const widthOf = (c: string) => {
    let w = width.get(c);
    if (w === undefined) {
      w = measure(c, 1000);
      width.set(c, w);
    }
    return w;
  };
  font.encodeText = (text: string) => {
    let out = '';
    for (const c of text.normalize('NFC')) out += hexOf(c);
    return PDFHexString.of(out);
  };
  font.widthOfTextAtSize = (text: string, size: number) => {
    let w = 0;
    for (const c of text.normalize('NFC')) w += widthOf(c);
    return (w * size) / 1000;
  };
  return font;
}
