import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SUPERVISOR_PURPOSES } from '../../../shared/contract/auth';
import { useKiosk } from '../bridge/context';
import { errorMessage } from '../i18n/error-message';
import { ActionBar } from './ActionBar';
import { ReasonPicker } from './ReasonPicker';
import { useInitialFocus } from './useInitialFocus';

export type SupervisorPurpose = (typeof SUPERVISOR_PURPOSES)[number];

export interface SupervisorConfirmed {
  supervisorId: string;
  displayName: string;
  at: string;
  /** The reason chosen from the list, in words, with the note after a dash. */
  reason: string;
}

interface Props {
  purpose: SupervisorPurpose;
  /** Reason codes under `supervisor.reasons.*`; none: no reason asked (one more liveness attempt). */
  reasons: readonly string[];
  dossierId?: string;
  title: string;
  submitLabel: string;
  onConfirmed(c: SupervisorConfirmed): void;
  onCancel(): void;
}

/**
 * A supervisor confirms on the officer's screen with their own name and password (the officer
 * stays signed in; the host checks the role, counts wrong passwords and audits the purpose),
 * with a reason from a short list and a note (required for "other").
 */
export function SupervisorConfirm({ purpose, reasons, dossierId, title, submitLabel, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useInitialFocus<HTMLInputElement>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reasons.length > 0 && !code) return setError(t('supervisor.needReason'));
    if (code === 'other' && !note.trim()) return setError(t('supervisor.needNote'));
    const reason = code ? `${t(`supervisor.reasons.${code}`)}${note.trim() ? ` — ${note.trim()}` : ''}` : note.trim();
    setBusy(true);
    setError(null);
    const r = await client.call('auth.confirmSupervisor', { username, password, purpose, ...(dossierId ? { dossierId } : {}), ...(reason ? { reason } : {}) });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error.code === 'auth.forbidden' ? t('supervisor.notSupervisor') : errorMessage(t, r.error));
    onConfirmed({ ...r.value, reason: reason || t('supervisor.noReason') });
  };

  return (
    <form className="panel supervisor-confirm" onSubmit={(e) => void submit(e)} data-testid="supervisor-confirm" data-purpose={purpose} aria-labelledby="supervisor-confirm-title">
      <h3 id="supervisor-confirm-title">{title}</h3>
      <p className="muted">{t('supervisor.intro')}</p>
      <div className="row-inline">
        <label className="field">
          <span>{t('supervisor.username')}</span>
          <input ref={first} name="supervisorUsername" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('supervisor.password')}</span>
          <input name="supervisorPassword" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
      </div>
      {reasons.length > 0 && (
        <ReasonPicker name="supervisor" label={t('supervisor.reason')} codes={reasons} labelPrefix="supervisor.reasons" code={code} note={note} onChange={(c, n) => { setCode(c); setNote(n); }} />
      )}
      {error && <p className="error" role="alert" data-testid="supervisor-error">{error}</p>}
      <ActionBar>
        <button type="submit" className="big" disabled={busy || !username || !password} data-testid="supervisor-submit">{submitLabel}</button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="supervisor-cancel">{t('supervisor.back')}</button>
      </ActionBar>
    </form>
  );
}
