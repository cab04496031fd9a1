/**
 * What `npm start` decides before anything opens: whether this user may start this mode, and what
 * to say when no reader is attached. Kept apart from start.ts so it is tested without a shell.
 */
export const ROOT_REFUSED =
  'Refusing to start the live kiosk as root: Chromium would run without its sandbox.\n' +
  'Run it as an ordinary user (for example: sudo -u kiosk npm start). Only set-up (scripts/setup.sh) needs root.\n' +
  'Test machines only: --allow-root (or KIOSK_ALLOW_ROOT=1).';

export const ROOT_DEMO_WARNING =
  'Warning: training mode as root. Chromium runs without its sandbox; use an ordinary user on a real kiosk.';

export const NO_READER =
  'No card reader found (pcscd: {state}). Plug a reader in: the kiosk keeps waiting for one.\n' +
  'For training without a reader, start the training mode instead: npm run demo';

export function rootVerdict(opts: { uid: number | undefined; demo: boolean; allowRoot: boolean }): 'ok' | 'warn' | 'refuse' {
  if (opts.uid !== 0) return 'ok';
  if (opts.demo || opts.allowRoot) return 'warn';
  return 'refuse';
}

export function noReaderMessage(pcsc: { reachable: boolean; readers: unknown[] }): string | null {
  if (pcsc.reachable && pcsc.readers.length > 0) return null;
  return NO_READER.replace('{state}', pcsc.reachable ? 'running, no reader' : 'not running');
}
