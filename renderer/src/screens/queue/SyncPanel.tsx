import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/contract/index';
import { can } from '../../../../shared/domain/roles';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { stamp } from './labels';
import { syncReason } from './sync-text';
import { useSyncStatus } from './useSyncStatus';

/**
 * The station's sending upstream at a glance: enrolled or not, running or paused, how many
 * dossiers wait, are sent, retried or refused, and whether the upstream answered lately; the
 * supervisor's pause and resume.
 */
export function SyncPanel({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation('sync');
  const client = useKiosk();
  const { status, error, setStatus } = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  if (!status) return error ? <p className="error" role="alert">{errorMessage(t, error)}</p> : null;
  const setPaused = async (paused: boolean) => {
    setBusy(true);
    const r = await client.call('sync.pause', { paused });
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setActionError(null);
    } else setActionError(errorMessage(t, r.error));
  };
  const poll = status.lastPoll;
  return (
    <section className="sync-panel" aria-labelledby="sync-panel-title" data-testid="sync-panel">
      <h3 id="sync-panel-title">{t('panel.title')}</h3>
      {!status.enrolled ? (
        <p className="muted" data-testid="sync-not-enrolled">{status.configured ? t('panel.notEnrolled') : t('panel.notConfigured')}</p>
      ) : (
        <>
          <p className="muted small">{t('panel.device', { deviceId: status.enrolled.deviceId, host: status.enrolled.upstreamHost })}</p>
          <p data-testid="sync-run-state" className={status.paused ? 'warn' : undefined}>{status.paused ? t('panel.paused') : t('panel.running')}</p>
          <p role="status" aria-live="polite">
            {poll.ok === null ? t('panel.neverPolled') : poll.ok ? t('panel.online', { at: stamp(poll.at) }) : t('panel.offline', { at: stamp(poll.at), reason: syncReason(t, poll.code) })}
          </p>
        </>
      )}
      <p data-testid="sync-counts">{t('panel.counts', status.counts)}</p>
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {can(officer.role, 'sync.control') && (
        <div className="actions">
          <button type="button" className="secondary" data-testid="sync-pause-toggle" disabled={busy} onClick={() => void setPaused(!status.paused)}>
            {status.paused ? t('panel.resume') : t('panel.pause')}
          </button>
        </div>
      )}
    </section>
  );
}
