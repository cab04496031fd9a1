import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { saveFile } from './download';

/** The citizen's receipt of a submitted dossier, A5 or 80 mm roll, as a PDF to print. */
export function ReceiptButtons({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation('reports');
  const client = useKiosk();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const print = async (size: 'a5' | '80mm') => {
    const r = await client.call('receipt.pdf', { id: dossierId, size });
    if (!r.ok) return setMessage({ error: true, text: errorMessage(t, r.error) });
    saveFile(r.value.base64, r.value.fileName, 'application/pdf');
    setMessage({ error: false, text: t('receipt.ready', { file: r.value.fileName }) });
  };
  return (
    <div className="receipt-buttons" data-testid="receipt-buttons">
      <h3>{t('receipt.title')}</h3>
      <div className="actions">
        <button type="button" className="secondary" data-testid="receipt-a5" onClick={() => void print('a5')}>{t('receipt.a5')}</button>
        <button type="button" className="secondary" data-testid="receipt-80mm" onClick={() => void print('80mm')}>{t('receipt.thermal')}</button>
      </div>
      {message && <p className={message.error ? 'error' : 'help'} role={message.error ? 'alert' : 'status'} data-testid="receipt-message">{message.text}</p>}
    </div>
  );
}
