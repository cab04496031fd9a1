import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel" data-testid="consent-step">
      <h2 ref={heading} tabIndex={-1}>{t('consent.title')}</h2>
      <div className="terms" data-testid="terms" tabIndex={0}>
        <p>{t('consent.term1')}</p>
        <p>{t('consent.term2')}</p>
        <p>{t('consent.term3')}</p>
      </div>
      <label className="check big-check">
        <input type="checkbox" data-testid="citizen-agrees" checked={agreedAt !== null} onChange={(e) => setAgreedAt(e.target.checked ? new Date().toISOString() : null)} />
        <span>{t('consent.citizenAgrees')}</span>
      </label>
      <div className="actions">
        <button
          type="button"
          className="big"
          data-testid="officer-confirms"
          disabled={!agreedAt || busy}
          onClick={() => agreedAt && onDone({ termsVersion: TERMS_VERSION, citizenAgreedAt: agreedAt, officerConfirmedAt: new Date().toISOString() })}
        >
          {t('consent.officerConfirms')}
        </button>
      </div>
    </section>
  );
}
