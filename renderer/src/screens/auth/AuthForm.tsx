import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/contract/index';
import { errorMessage } from '../../i18n/error-message';

/** One centred form for the start-up screens: heading focused, one error line, a busy state. */
export function AuthForm(props: {
  testId: string;
  title: string;
  intro: ReactNode;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => Promise<{ ok: true; value: AuthStatus } | { ok: false; error: { code: string; message: string } }>;
  onDone: (s: AuthStatus) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await props.onSubmit();
    setBusy(false);
    if (r.ok) props.onDone(r.value);
    else setError(errorMessage(t, r.error));
  };
  return (
    <section className="panel auth-panel" data-testid={props.testId}>
      <h2 ref={heading} tabIndex={-1}>{props.title}</h2>
      <div className="muted">{props.intro}</div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {props.children}
        {error && <p className="error" role="alert" data-testid="auth-error">{error}</p>}
        <div className="actions">
          <button type="submit" className="big" disabled={busy} data-testid="auth-submit">{busy ? props.busyLabel : props.submitLabel}</button>
        </div>
      </form>
    </section>
  );
}

export function Field(props: { label: string; name: string; type?: string; value: string; onChange: (v: string) => void; autoComplete?: string; hint?: string }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input name={props.name} type={props.type ?? 'text'} value={props.value} autoComplete={props.autoComplete ?? 'off'} onChange={(e) => props.onChange(e.target.value)} required />
      {props.hint && <span className="muted small">{props.hint}</span>}
    </label>
  );
}
