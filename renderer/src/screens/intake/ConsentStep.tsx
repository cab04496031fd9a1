import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';

export const TERMS_VERSION = '2026-01';

export interface Consent {
  termsVersion: string;
  citizenAgreedAt: string;
  officerConfirmedAt: string;
}

/** The terms of use shown to the citizen; their agreement and the officer's confirmation, both timed. */
export function ConsentStep({ onDone, busy = false }: { onDone(c: Consent): void; busy?: boolean }) {
  const { t } = useTranslation();
  const [agreedAt, setAgreedAt] = useState<string | null>(null);
  const first = useInitialFocus<HTMLInputElement>();
  return (
    <section className="panel" data-testid="consent-step" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <div className="terms" data-testid="terms" tabIndex={0}>
        <p>{t('consent.term1')}</p>
        <p>{t('consent.term2')}</p>
        <p>{t('consent.term3')}</p>
      </div>
      <label className="check big-check">
        <input ref={first} type="checkbox" data-testid="citizen-agrees" checked={agreedAt !== null} onChange={(e) => setAgreedAt(e.target.checked ? new Date().toISOString() : null)} />
        <span>{t('consent.citizenAgrees')}</span>
      </label>
      <ActionBar>
        <button
          type="button"
          className="big"
          data-testid="officer-confirms"
          disabled={!agreedAt || busy}
          onClick={() => agreedAt && onDone({ termsVersion: TERMS_VERSION, citizenAgreedAt: agreedAt, officerConfirmedAt: new Date().toISOString() })}
        >
          {t('consent.officerConfirms')}
        </button>
      </ActionBar>
    </section>
  );
}
