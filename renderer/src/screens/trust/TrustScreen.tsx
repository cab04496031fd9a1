import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { formatDateVn } from '../../../../shared/domain/format';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { fileToBase64 } from './file-base64';

type Listing = CallOutput<'trust.list'>;

/** What one bridge frame carries once base64-encoded (see shared/contract/trust.ts). */
const MAX_FILE_BYTES = 6_000_000;

/** Administrator's screen: import CSCA master lists / certificates and their signer roots. */
export function TrustScreen({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [filter, setFilter] = useState('');

  const refresh = useCallback(async () => {
    const r = await client.call('trust.list');
    if (r.ok) setListing(r.value);
  }, [client]);
  useEffect(() => void refresh(), [refresh]);

  const importFile = async (input: HTMLInputElement, root: boolean) => {
    const file = input.files?.[0];
    // Clear the picker so choosing the same file again (e.g. after adding its root) fires again.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setMessage({ ok: false, text: t('trust.tooLarge') });
      return;
    }
    setBusy(true);
    setMessage(null);
    const payload = { fileName: file.name, dataBase64: await fileToBase64(file) };
    if (root) {
      const r = await client.call('trust.importRoot', payload);
      setMessage(r.ok ? { ok: true, text: t('trust.imported', r.value) } : { ok: false, text: errorMessage(t, r.error) });
    } else {
      const r = await client.call('trust.import', payload);
      setMessage(
        r.ok
          ? { ok: true, text: r.value.kind === 'master-list' ? t('trust.importedList', { ...r.value, signer: r.value.signerSubject ?? '' }) : t('trust.imported', r.value) }
          : { ok: false, text: errorMessage(t, r.error) },
      );
    }
    setBusy(false);
    await refresh();
  };

  const remove = async (sha256: string) => {
    const r = await client.call('trust.remove', { sha256 });
    if (!r.ok) setMessage({ ok: false, text: errorMessage(t, r.error) });
    await refresh();
  };

  const q = filter.trim().toLowerCase();
  const anchors = (listing?.anchors ?? []).filter((a) => !q || `${a.country ?? ''} ${a.subject}`.toLowerCase().includes(q));

  return (
    <section className="panel trust" data-testid="trust-screen">
      <h2>{t('trust.title')}</h2>
      <p className="muted">{t('trust.help')}</p>
      {listing && !listing.persistent && <p className="help">{t('trust.notPersistent')}</p>}
      <div className="actions">
        <label className="file-button">
          {t('trust.importRoot')}
          <input type="file" accept=".cer,.crt,.der,.pem" data-testid="trust-root-file" disabled={busy} onChange={(e) => void importFile(e.target, true)} />
        </label>
        <label className="file-button">
          {t('trust.importList')}
          <input type="file" accept=".ml,.cer,.crt,.der,.pem" data-testid="trust-file" disabled={busy} onChange={(e) => void importFile(e.target, false)} />
        </label>
      </div>
      {busy && <p role="status">{t('trust.importing')}</p>}
      {message && <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="trust-message">{message.text}</p>}
      <h3>{t('trust.roots', { count: listing?.mlRoots.length ?? 0 })}</h3>
      <ul className="cert-list">
        {listing?.mlRoots.map((r) => (
          <li key={r.sha256}>{r.subject} <button type="button" className="secondary small" onClick={() => void remove(r.sha256)}>{t('trust.remove')}</button></li>
        ))}
      </ul>
      <h3 data-testid="trust-anchor-count">{t('trust.anchors', { count: listing?.anchors.length ?? 0 })}</h3>
      <label className="field">
        <span>{t('trust.filter')}</span>
        <input value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="trust-filter" />
      </label>
      {listing && listing.anchors.length === 0 && <p className="muted">{t('trust.empty')}</p>}
      <ul className="cert-list" data-testid="trust-anchors">
        {anchors.slice(0, 200).map((a) => (
          <li key={a.sha256}>
            <strong>{a.country ?? '—'}</strong> {a.subject}{' '}
            <span className="muted small">{t('trust.validity', { from: formatDateVn(a.notBefore.slice(0, 10)), to: formatDateVn(a.notAfter.slice(0, 10)) })}</span>{' '}
            <button type="button" className="secondary small" onClick={() => void remove(a.sha256)}>{t('trust.remove')}</button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onBack}>{t('trust.back')}</button>
    </section>
  );
}
