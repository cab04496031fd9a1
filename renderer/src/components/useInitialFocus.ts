import { useEffect, useRef } from 'react';

/**
 * Focuses the element once when the step (or a part of it) opens, without scrolling it into
 * view: the intake scrolls every step to its top, and the main action sits in the sticky bar.
 */
export function useInitialFocus<T extends HTMLElement>(when: unknown = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus({ preventScroll: true });
  }, [when]);
  return ref;
}
