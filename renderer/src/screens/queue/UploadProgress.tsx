import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { useDossierSync } from './useDossierSync';

type Upload = NonNullable<CallOutput<'sync.dossier'>['upload']>;

const kb = (n: number) => Math.round(n / 1024);

/**
 * A large packet's resumable upload in words: bytes sent of the total while it is being sent,
 * or what the upstream already holds while it waits to resume (the next attempt sends only the rest).
 */
export function uploadText(t: (k: string, o?: Record<string, unknown>) => string, u: Upload, sending: boolean): string {
  const o = { sent: kb(u.sent), total: kb(u.total), percent: Math.floor((100 * u.sent) / u.total) };
  return sending ? t('dossier.progress', o) : t('dossier.resumeLater', o);
}

/** The bar and its words; nothing for a packet sent in one piece. */
export function UploadBar({ upload, sending }: { upload: Upload | null | undefined; sending: boolean }) {
  const { t } = useTranslation('sync');
  if (!upload) return null;
  const text = uploadText(t, upload, sending);
  return (
    <span className="upload-progress" data-testid="upload-progress" data-sent={upload.sent} data-total={upload.total}>
      <progress value={upload.sent} max={upload.total} aria-label={text} /> <span className="small">{text}</span>
    </span>
  );
}

/** For a queue row being sent: its upload's progress, refreshed on every sync.changed. */
export function RowUploadProgress({ id }: { id: string }) {
  const v = useDossierSync(id);
  return <UploadBar upload={v?.upload} sending={v?.outbox?.state === 'sending'} />;
}
