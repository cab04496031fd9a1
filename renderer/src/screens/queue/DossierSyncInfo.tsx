import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { stamp } from './labels';
import { rejectionReason, syncReason } from './sync-text';
import { UploadBar } from './UploadProgress';
import { useDossierSync } from './useDossierSync';

type View = CallOutput<'sync.dossier'>;

/** The words for where one dossier's upload stands, or null when there is nothing to say. */
export function dossierSyncLine(t: (k: string, o?: Record<string, unknown>) => string, v: View, reason: (code: string | null) => string, rejection: (code: string | null) => string): string | null {
  const u = v.upstream;
  if (u?.status === 'accepted') return t('dossier.accepted', { at: stamp(u.at) });
  if (u?.status === 'rejected') return t('dossier.rejected', { reason: rejection(u.code) });
  const o = v.outbox;
  if (!o) return u ? t('dossier.done', { at: stamp(u.at) }) : null;
  if (o.state === 'done') return t('dossier.done', { at: stamp(u?.at ?? o.doneAt) });
  if (o.state === 'failed') return t('dossier.failed', { reason: reason(o.lastError) });
  if (o.state === 'sending') return t('dossier.sending', { attempts: o.attempts });
  if (o.lastError) return t('dossier.pendingRetry', { attempts: o.attempts, reason: reason(o.lastError), at: stamp(o.nextAttemptAt) });
  return t('dossier.pending');
}

/** One dossier's upload and the upstream's decision, refreshed on every sync.changed. */
export function DossierSyncInfo({ id }: { id: string }) {
  const { t } = useTranslation('sync');
  const v = useDossierSync(id);
  const line = v ? dossierSyncLine(t, v, (c) => syncReason(t, c), (c) => rejectionReason(t, c)) : null;
  const problem = v?.outbox?.state === 'failed' || v?.upstream?.status === 'rejected';
  return (
    <>
      <span className={problem ? 'sync-dossier problem' : 'sync-dossier'} role={problem ? 'alert' : undefined} data-testid="dossier-sync">
        {line ?? (v ? t('dossier.none') : '…')}
      </span>
      <UploadBar upload={v?.upload} sending={v?.outbox?.state === 'sending'} />
    </>
  );
}
