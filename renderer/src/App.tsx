import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index';
import { useConnectionState, useKiosk } from './bridge/context';
import { ConnectionBadge } from './components/ConnectionBadge';
import { DemoBanner } from './components/DemoBanner';
import { DemoCardControl } from './components/DemoCardControl';
import { LanguageSwitch } from './components/LanguageSwitch';
import { TamperedScreen } from './components/TamperedScreen';
import { errorMessage } from './i18n/error-message';
import { AuthGate } from './screens/auth/AuthGate';
import { Workspace } from './screens/home/Workspace';

type SystemInfo = CallOutput<'system.info'>;

/** Test-only: `?seed=N` fixes the liveness challenge order (demo mode only). */
function demoSeed(info: SystemInfo | null): number | undefined {
  if (info?.mode !== 'demo') return undefined;
  const s = new URLSearchParams(window.location.search).get('seed');
  return s && /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

export function App() {
  const { t } = useTranslation();
  const client = useKiosk();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connection = useConnectionState();

  useEffect(() => {
    void client.call('system.info').then((r) => (r.ok ? setInfo(r.value) : setError(errorMessage(t, r.error))));
  }, [client, t]);

  if (connection === 'tampered') return <TamperedScreen />;

  return (
    <div className="app" data-mode={info?.mode ?? 'unknown'}>
      {info?.mode === 'demo' && <DemoBanner />}
      <header className="topbar">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="muted">{info ? t('app.station', { name: info.stationName ?? t('app.stationUnnamed') }) : t('app.loading')}</p>
        </div>
        <div className="topbar-right">
          <ConnectionBadge />
          <LanguageSwitch />
        </div>
      </header>
      <main>
        {error && <p className="error" role="alert">{error}</p>}
        <AuthGate>
          {(officer) => (
            <Workspace key={officer.id} officer={officer} seed={demoSeed(info)} station={info?.stationName ?? null} onStationNamed={(stationName) => setInfo((i) => (i ? { ...i, stationName } : i))} />
          )}
        </AuthGate>
        {info?.mode === 'demo' && <DemoCardControl />}
      </main>
      <footer className="muted small">{info && t('app.version', { version: info.appVersion })}</footer>
    </div>
  );
}
