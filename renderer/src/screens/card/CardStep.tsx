import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessInput, CardReadView } from '../../../../shared/contract/card';
import type { EventPayload } from '../../../../shared/contract/index';
import type { CccdQr } from '../../../../shared/domain/cccd-qr';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { qrToIdentity } from '../../../../shared/domain/qr-identity';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { AccessForm, type ManualIdentityFields } from './AccessForm';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { FallbackResult, type Fallback } from './FallbackResult';
import { ReadingView } from './ReadingView';
import { ReadResult } from './ReadResult';
import { manualIdentity } from './manual-identity';

export interface CardStepResult {
  identity: CitizenIdentity;
  chip: CardReadView | null;
  /** A failed chip: the intake asks a supervisor's password and reason once the draft exists. */
  needsOverride?: boolean;
  /** Why the chip was not used (QR-only or typed data). */
  fallback?: Fallback;
}

type State =
  | { kind: 'access' }
  | { kind: 'reading'; access: AccessInput; claimed: Claimed }
  | { kind: 'read'; view: CardReadView }
  | { kind: 'fallback'; identity: CitizenIdentity }
  | { kind: 'error'; code: string; message: string; access: AccessInput; claimed: Claimed };

type Claimed = { source: 'qr' | 'typed'; idNumber?: string; fullName?: string; dateOfBirth?: string } | undefined;

/** Step 1 of the intake: open and read the chip; QR code and typed data as fallbacks. */
export function CardStep({ onDone }: { onDone(result: CardStepResult): void }) {
  const { t } = useTranslation('card');
  const { t: tc } = useTranslation();
  const client = useKiosk();
  const [state, setState] = useState<State>({ kind: 'access' });
  const [progress, setProgress] = useState<EventPayload<'card.progress'> | null>(null);
  const [lastQr, setLastQr] = useState<CccdQr | null>(null);
  /** Bumped to send the access form to its typed-data fallback (after a failed read of typed data). */
  const [toManual, setToManual] = useState(0);
  const reading = state.kind === 'reading';
  const retryButton = useInitialFocus<HTMLButtonElement>(state.kind === 'error');

  useEffect(() => client.on('card.progress', setProgress), [client]);
  // Leaving the step (dossier cancelled, app closed) while a read runs must free the reader.
  useEffect(() => {
    if (!reading) return;
    return () => void client.call('card.cancel');
  }, [reading, client]);

  const read = useCallback(
    async (access: AccessInput, claimed: Claimed) => {
      setProgress(null);
      setState({ kind: 'reading', access, claimed });
      const r = await client.call('card.read', { access, ...(claimed ? { claimed } : {}) });
      if (r.ok) setState({ kind: 'read', view: r.value });
      else setState({ kind: 'error', code: r.error.code, message: errorMessage(tc, r.error), access, claimed });
    },
    [client, tc],
  );

  const onRead = (access: AccessInput, qr: CccdQr | null, typed: ManualIdentityFields | null) => {
    setLastQr(qr);
    const claimed: Claimed = qr
      ? { source: 'qr', idNumber: qr.idNumber, fullName: qr.fullName, dateOfBirth: qr.dateOfBirth }
      : typed
        ? { source: 'typed', idNumber: access.idNumber, ...(access.dateOfBirth ? { dateOfBirth: access.dateOfBirth } : {}), ...(typed.fullName ? { fullName: typed.fullName } : {}) }
        : undefined;
    void read(access, claimed);
  };

  const onUseQr = (qr: CccdQr) => {
    const r = qrToIdentity(qr);
    if (r.ok) setState({ kind: 'fallback', identity: r.value });
  };

  return (
    <section className="card-step" data-testid="card-step" data-state={state.kind} aria-labelledby="card-title">
      <h2 id="card-title">{t('title')}</h2>
      {/* Kept mounted (hidden) so what the officer scanned or typed survives a failed read. */}
      <div hidden={state.kind !== 'access'}>
        <AccessForm toManual={toManual} onRead={onRead} onUseQr={onUseQr} onUseManual={(f) => setState({ kind: 'fallback', identity: manualIdentity(f) })} />
      </div>
      {state.kind === 'reading' && <ReadingView progress={progress} onCancel={() => void client.call('card.cancel')} />}
      {state.kind === 'error' && (
        <div className="panel" role="alert" data-testid="card-error" data-code={state.code}>
          <h3 className="error">{t('error.title')}</h3>
          <p>{state.message}</p>
          <ActionBar>
            <button ref={retryButton} type="button" className="big" onClick={() => void read(state.access, state.claimed)}>{t('error.retry')}</button>
            <button type="button" className="secondary" onClick={() => setState({ kind: 'access' })}>{t('error.back')}</button>
            {lastQr ? (
              <button type="button" className="secondary" data-testid="error-use-qr" onClick={() => onUseQr(lastQr)}>{t('access.useWithoutChip')}</button>
            ) : (
              <button type="button" className="secondary" data-testid="error-fallback" onClick={() => { setToManual((n) => n + 1); setState({ kind: 'access' }); }}>{t('error.fallback')}</button>
            )}
          </ActionBar>
        </div>
      )}
      {state.kind === 'read' && (
        <ReadResult
          view={state.view}
          onReadAgain={() => setState({ kind: 'access' })}
          onContinue={() => onDone({ identity: state.view.identity, chip: state.view, ...(state.view.verification.overall === 'failed' ? { needsOverride: true } : {}) })}
        />
      )}
      {state.kind === 'fallback' && (
        <FallbackResult identity={state.identity} onReadAgain={() => setState({ kind: 'access' })} onContinue={(fallback) => onDone({ identity: state.identity, chip: null, fallback })} />
      )}
    </section>
  );
}
