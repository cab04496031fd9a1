/** One doctor check: what was found, whether the kiosk can run without it, and how to fix it. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  id: string;
  /** A failed required check makes `npm run doctor` exit non-zero. */
  required: boolean;
  status: CheckStatus;
  summary: string;
  summaryVi: string;
  detail?: Record<string, unknown>;
  fix?: string;
  fixVi?: string;
}

export function result(r: CheckResult): CheckResult {
  // A problem with an optional item never fails the run: downgrade it to a warning.
  return !r.required && r.status === 'fail' ? { ...r, status: 'warn' } : r;
}
