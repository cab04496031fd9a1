import i18n from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './bridge/client';
import { KioskProvider } from './bridge/context';
import { electronTransport, type BridgeTransport } from './bridge/transport';
import { takeSecret, wsTransport } from './bridge/ws-transport';
import { initI18n, savedLanguage } from './i18n/index';

function pickTransport(): BridgeTransport | null {
  if (window.kiosk) return electronTransport(window.kiosk);
  const secret = takeSecret(window.location, window.sessionStorage);
  if (!secret) return null;
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/bridge`;
  return wsTransport(url, secret, window.sessionStorage);
}

async function boot() {
  await initI18n(savedLanguage(window.localStorage) ?? 'vi');
  const root = createRoot(document.getElementById('root')!);
  const transport = pickTransport();
  if (!transport) {
    root.render(<p className="error fatal" role="alert">{i18n.t('app.hostUnreachable')}</p>);
    return;
  }
  root.render(
    <StrictMode>
      <KioskProvider client={createClient(transport)}>
        <App />
      </KioskProvider>
    </StrictMode>,
  );
}

void boot();
