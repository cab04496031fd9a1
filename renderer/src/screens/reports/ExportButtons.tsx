import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type CallInput } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { saveFile } from './download';

type Request = CallInput<'report.export'>['request'];

/** XLSX, CSV and PDF buttons for one report request; the file is offered as a download. */
export function ExportButtons({ request, disabled, testId }: { request: Request | null; disabled?: boolean; testId: string }) {
  const { t } = useTranslation('reports');
  const client = useKiosk();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const run = async (format: (typeof EXPORT_FORMATS)[number]) => {
    if (!request) return;
    setBusy(true);
    setMessage(null);
    const r = await client.call('report.export', { request, format });
    setBusy(false);
    if (!r.ok) return setMessage({ error: true, text: errorMessage(t, r.error) });
    saveFile(r.value.base64, r.value.fileName, r.value.mime);
    setMessage({ error: false, text: t('export.done', { rows: r.value.rows, file: r.value.fileName }) });
  };
  return (
    <>
      <div className="actions">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" className={f === 'xlsx' ? '' : 'secondary'} disabled={busy || disabled || !request} data-testid={`${testId}-${f}`} onClick={() => void run(f)}>
            {t(`export.${f}`)}
          </button>
        ))}
      </div>
      {message && <p className={message.error ? 'error' : 'help'} role={message.error ? 'alert' : 'status'} data-testid={`${testId}-message`}>{message.text}</p>}
    </>
  );
}
