import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/contract/index';
import { formatDateTimeVn } from '../../../shared/domain/format';
import { useHostEvent, useKiosk } from '../bridge/context';
import { errorMessage } from '../i18n/error-message';

/** Live picture of the card service, readers and camera policy, with what to do when one is missing. */
export function DevicePanel() {
  const { t } = useTranslation();
  const client = useKiosk();
  const [initial, setInitial] = useState<DeviceStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pushed = useHostEvent('device.changed', null);
  const status = pushed && (!initial || pushed.updatedAt >= initial.updatedAt) ? pushed : initial;

  const refresh = useCallback(async () => {
    const r = await client.call('device.status');
    if (r.ok) {
      setInitial(r.value);
      setError(null);
    } else setError(errorMessage(t, r.error));
  }, [client, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="panel" aria-labelledby="devices-title" data-testid="device-panel">
      <h2 id="devices-title">{t('device.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {status && (
        <>
          <p>
            {t('device.cardService')}:{' '}
            <strong data-testid="card-service" data-state={status.cardService}>
              {t(`device.service.${status.cardService}`)}
            </strong>
          </p>
          {status.cardService === 'unavailable' && <p className="help">{t('device.serviceUnavailableHelp')}</p>}
          <h3>{t('device.readers')}</h3>
          {status.readers.length === 0 ? (
            <p className="help" data-testid="no-reader">{t('device.noReader')}</p>
          ) : (
            <ul className="readers" data-testid="readers">
              {status.readers.map((r) => (
                <li key={r.name}>
                  <span className="reader-name" data-name={r.name}>{r.simulated ? t('device.demoReaderName') : r.name}</span>
                  {r.simulated && <em> ({t('device.simulated')})</em>}
                  {r.name === status.activeReader && <em> — {t('device.active')}</em>}
                  <span className={r.cardPresent ? 'ok' : 'muted'}> · {t(r.cardPresent ? 'device.cardPresent' : 'device.cardAbsent')}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('device.camera')}</h3>
          <p data-testid="camera-allowed">
            {status.camera.allowedDeviceLabel
              ? t('device.cameraAllowed', { label: status.camera.allowedDeviceLabel })
              : t('device.cameraNotChosen')}
          </p>
          {status.camera.allowedDeviceLabel && (
            <button type="button" className="secondary" data-testid="forget-camera" onClick={() => void client.call('camera.setAllowed', { label: null })}>
              {t('device.forgetCamera')}
            </button>
          )}
          <p className="muted small">{t('device.updatedAt', { time: formatDateTimeVn(status.updatedAt) })}</p>
        </>
      )}
      <button type="button" onClick={() => void refresh()}>
        {t('device.refresh')}
      </button>
    </section>
  );
}
