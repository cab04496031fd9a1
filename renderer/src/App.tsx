import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index';
import { useKiosk } from './bridge/context';
import { ConnectionBadge } from './components/ConnectionBadge';
import { DemoBanner } from './components/DemoBanner';
import { DevicePanel } from './components/DevicePanel';
import { LanguageSwitch } from './components/LanguageSwitch';
import { errorMessage } from './i18n/error-message';

type SystemInfo = CallOutput<'system.info'>;

export function App() {
  const { t } = useTranslation();
  const client = useKiosk();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.call('system.info').then((r) => (r.ok ? setInfo(r.value) : setError(errorMessage(t, r.error))));
  }, [client, t]);

  return (
    <div className="app" data-mode={info?.mode ?? 'unknown'}>
      {info?.mode === 'demo' && <DemoBanner />}
      <header className="topbar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="muted">{info ? t('app.station', { name: info.stationName }) : t('app.loading')}</p>
        </div>
        <div className="topbar-right">
          <ConnectionBadge />
          <LanguageSwitch />
        </div>
      </header>
      <main>
        {error && <p className="error" role="alert">{error}</p>}
        <p className="lead">{t('app.subtitle')}</p>
        <DevicePanel />
      </main>
      <footer className="muted small">{info && t('app.version', { version: info.appVersion })}</footer>
    </div>
  );
}
