/**
 * MediaPipe's WebAssembly prints informational lines through console.error (its stderr), e.g.
 * "INFO: Created TensorFlow Lite XNNPACK delegate for CPU." on every session, so a real error
 * drowns among them. This drops only the lines known to be informational; everything else,
 * including anything unknown from MediaPipe, still reaches the console unchanged.
 */
const INFORMATIONAL: readonly RegExp[] = [
  /^INFO: /,
  /^I\d{4} [\d:. ]+\d+ [\w.]+\.cc:\d+\]/, // glog info lines
  /Feedback manager requires a model with a single signature inference/,
  /Using NORM_RECT without IMAGE_DIMENSIONS is only supported for the square ROI/,
  /^Graph (successfully started running|finished closing successfully)\.?$/,
];

export function isInformational(first: unknown): boolean {
  return typeof first === 'string' && INFORMATIONAL.some((r) => r.test(first.trim()));
}

type Sink = Pick<Console, 'error' | 'warn' | 'info' | 'log'>;
const installed = new WeakSet<object>();

/** Wraps the console's error, warn, info and log once (worker or page) to drop the known lines. */
export function quietMediapipeConsole(target: Sink = console): void {
  if (installed.has(target)) return;
  installed.add(target);
  for (const level of ['error', 'warn', 'info', 'log'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => {
      if (!isInformational(args[0])) original(...args);
    };
  }
}
