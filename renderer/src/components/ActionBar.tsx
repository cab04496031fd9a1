import type { ReactNode } from 'react';

/**
 * A step's buttons, kept at the bottom of the screen while the step scrolls (sticky): the main
 * action is always in view at 1366x768 and 1024x768, whatever the step shows above it.
 */
export function ActionBar({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="action-bar" role="group" {...(label ? { 'aria-label': label } : {})} data-testid="action-bar">
      {children}
    </div>
  );
}
