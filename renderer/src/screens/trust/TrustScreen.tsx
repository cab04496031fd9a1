import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { formatDateVn } from '../../../../shared/domain/format';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';

type Listing = CallOutput<'trust.list'>;

/**
 * The trust store, read-only: the CSCA anchors and master-list roots the kiosk verifies with.
 * Only the administrator changes them, with the command-line tool (`npm run trust`); the screen
 * says so, because anyone can open it.
 */
export function TrustScreen({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    void client.call('trust.list').then((r) => (r.ok ? setListing(r.value) : setError(errorMessage(t, r.error))));
  }, [client, t]);

  const q = filter.trim().toLowerCase();
  const anchors = (listing?.anchors ?? []).filter((a) => !q || `${a.country ?? ''} ${a.subject}`.toLowerCase().includes(q));

  return (
    <section className="panel trust" data-testid="trust-screen">
      <h2>{t('trust.title')}</h2>
      <p className="muted">{t('trust.help')}</p>
      <p className="help" role="note" data-testid="trust-admin-only">
        {t('trust.adminOnly')} <code>npm run trust -- import &lt;cert-file&gt;</code>, <code>npm run trust -- import-master-list &lt;ml-file&gt; --signer-root &lt;root-file&gt;</code>,{' '}
        <code>npm run trust -- remove &lt;sha256&gt;</code>
      </p>
      {listing && !listing.persistent && <p className="help">{t('trust.notPersistent')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <h3>{t('trust.roots', { count: listing?.mlRoots.length ?? 0 })}</h3>
      <ul className="cert-list">
        {listing?.mlRoots.map((r) => <li key={r.sha256}>{r.subject}</li>)}
      </ul>
      <h3 data-testid="trust-anchor-count">{t('trust.anchors', { count: listing?.anchors.length ?? 0 })}</h3>
      <label className="field">
        <span>{t('trust.filter')}</span>
        <input value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="trust-filter" />
      </label>
      {listing && listing.anchors.length === 0 && <p className="muted">{t('trust.empty')}</p>}
      <ul className="cert-list" data-testid="trust-anchors">
        {anchors.slice(0, 200).map((a) => (
          <li key={a.sha256} title={`SHA-256 ${a.sha256}`}>
            <strong>{a.country ?? '—'}</strong> {a.subject}{' '}
            <span className="muted small">{t('trust.validity', { from: formatDateVn(a.notBefore.slice(0, 10)), to: formatDateVn(a.notAfter.slice(0, 10)) })}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onBack}>{t('trust.back')}</button>
    </section>
  );
}
