/** The system Chromium every browser test uses, with the flags that keep it off the network. */
export const CHROMIUM_PATH = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
