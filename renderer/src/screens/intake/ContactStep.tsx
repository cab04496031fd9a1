import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { formatMobile, isPlausibleEmail, normaliseMobile } from '../../../../shared/domain/phone';

export interface Contact {
  mobile: string;
  email?: string;
}

/** The citizen's own mobile number (the account's OTP goes there) and, if they wish, an e-mail. */
export function ContactStep({ initial, onDone, busy = false }: { initial: Contact | null; onDone(c: Contact): void; busy?: boolean }) {
  const { t } = useTranslation();
  const [mobile, setMobile] = useState(initial ? formatMobile(initial.mobile) : '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const first = useInitialFocus<HTMLInputElement>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = normaliseMobile(mobile);
    if (!m.ok) return setError(t(`contact.problem.${m.problem}`));
    const mail = email.trim();
    if (mail && !isPlausibleEmail(mail)) return setError(t('contact.problem.email'));
    onDone({ mobile: m.national, ...(mail ? { email: mail } : {}) });
  };
  return (
    <section className="panel" data-testid="contact-step" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact.title')}</h2>
      <p className="muted">{t('contact.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('contact.mobile')}</span>
          <input ref={first} name="mobile" inputMode="tel" autoComplete="off" value={mobile} onChange={(e) => setMobile(e.target.value)} />
          <span className="muted small">{t('contact.mobileHint')}</span>
        </label>
        <label className="field">
          <span>{t('contact.email')}</span>
          <input name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        {error && <p className="error" role="alert" data-testid="contact-error">{error}</p>}
        <ActionBar>
          <button type="submit" className="big" disabled={busy} data-testid="contact-next">{t('contact.next')}</button>
        </ActionBar>
      </form>
    </section>
  );
}
