/**
 * Folding Vietnamese text to what an MRZ can hold: the MRZ drops diacritics (and writes Đ as D),
 * so names from DG13/QR/typed input are compared with DG1 after folding both.
 */

/** Removes diacritics (NFD + drop combining marks), maps đ/Đ to D, upper-cases. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase();
}

/** A name as comparable words: folded, MRZ fillers and punctuation become single spaces. */
export function nameKey(s: string): string {
  return foldVietnamese(s)
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** `NGUYEN<<VAN<A` → `NGUYEN VAN A` (the MRZ's surname/given split is not kept). */
export function mrzNameToText(mrzName: string): string {
  return mrzName.replace(/<+/g, ' ').trim();
}

/** Full name → MRZ name field: the first word is the surname, the rest given names. */
export function textToMrzName(fullName: string): string {
  const words = nameKey(fullName).split(' ').filter(Boolean);
  const [surname = '', ...given] = words;
  return given.length ? `${surname}<<${given.join('<')}` : surname;
}
