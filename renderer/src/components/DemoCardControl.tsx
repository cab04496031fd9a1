import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_CITIZEN_KEYS, DEMO_VARIANTS, type DemoCitizen } from '../../../shared/contract/demo';
import type { CallOutput } from '../../../shared/contract/index';
import { useKiosk } from '../bridge/context';
import { errorMessage } from '../i18n/error-message';

type CardState = CallOutput<'demo.cardStatus'>;
type Variant = (typeof DEMO_VARIANTS)[number];

/** The virtual cards' CSCA as a file, for testing another reader against them (docs/card.md). */
function CscaDownload({ csca }: { csca: CardState['csca'] }) {
  const { t } = useTranslation();
  const download = () => {
    const der = Uint8Array.from(atob(csca.derBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([der], { type: 'application/pkix-cert' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'virtual-cccd-csca.cer';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <p className="muted small" data-testid="demo-csca">
      <button type="button" className="secondary" data-testid="demo-csca-download" onClick={download}>{t('demo.cscaDownload')}</button>{' '}
      {t('demo.cscaHint')} <code>{csca.subject}</code> <code data-testid="demo-csca-sha256">SHA-256 {csca.sha256}</code>
    </p>
  );
}

/** Training only: place or lift the virtual card, choosing how it behaves. */
export function DemoCardControl() {
  const { t } = useTranslation();
  const client = useKiosk();
  const [state, setState] = useState<Omit<CardState, 'csca'> | null>(null);
  const [csca, setCsca] = useState<CardState['csca'] | null>(null);
  const [variant, setVariant] = useState<Variant>('genuine');
  const [citizen, setCitizen] = useState<DemoCitizen>('nhung');
  const [error, setError] = useState<string | null>(null);
  /** What the simulated reader itself reports: a card pulled away mid-read is off the reader. */
  const [onReader, setOnReader] = useState<boolean | null>(null);
  useEffect(() => client.on('device.changed', (s) => setOnReader(s.readers.find((r) => r.simulated)?.cardPresent ?? null)), [client]);

  useEffect(() => {
    void client.call('demo.cardStatus').then((r) => {
      if (!r.ok) return;
      setState(r.value);
      setCsca(r.value.csca);
    });
  }, [client]);

  const set = async (present: boolean) => {
    const r = await client.call('demo.setCard', present ? { present, variant, citizen } : { present });
    if (r.ok) {
      setState(r.value);
      setOnReader(r.value.present);
      setError(null);
    } else setError(errorMessage(t, r.error));
  };

  return (
    <section className="panel demo-control" data-testid="demo-card-control">
      <h3>{t('demo.title')}</h3>
      <div className="row-inline">
        <label className="field">
          <span>{t('demo.citizen')}</span>
          <select value={citizen} onChange={(e) => setCitizen(e.target.value as DemoCitizen)} data-testid="demo-citizen">
            {DEMO_CITIZEN_KEYS.map((c) => (
              <option key={c} value={c}>{t(`demo.citizens.${c}`)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('demo.variant')}</span>
          <select value={variant} onChange={(e) => setVariant(e.target.value as Variant)} data-testid="demo-variant">
            {DEMO_VARIANTS.map((v) => (
              <option key={v} value={v}>{t(`demo.variants.${v}`)}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="button" data-testid="demo-place" onClick={() => void set(true)}>{t('demo.place')}</button>
        <button type="button" className="secondary" data-testid="demo-remove" onClick={() => void set(false)}>{t('demo.remove')}</button>
      </div>
      {state && (
        <p className="muted small" data-testid="demo-state">
          {t('demo.state', { state: `${t(`demo.citizens.${state.citizen}`)} — ${t(`demo.variants.${state.variant}`)} — ${t((onReader ?? state.present) ? 'demo.onReader' : 'demo.offReader')}` })}
        </p>
      )}
      {csca && <CscaDownload csca={csca} />}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
