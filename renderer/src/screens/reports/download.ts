/**
 * Hands a file from the host to the officer as a download they save where they choose (the
 * browser's or Electron's save prompt): the app itself writes no report file anywhere.
 */
export function saveFile(base64: string, fileName: string, mime: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the page keeps no reference to the data.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
