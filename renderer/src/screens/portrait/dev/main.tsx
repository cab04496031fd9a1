// Stand-alone harness for PortraitStep (e2e tests and manual trials without the host).
// Query: seed, lang (vi|en), chip (a same-origin image URL).
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../../i18n/index';
import { PortraitStep, type PortraitResult } from '../PortraitStep';

interface HarnessOutcome {
  done: boolean;
  cancelled: boolean;
  result: { jpegBytes: number; jpegType: string; width: number; height: number; quality: PortraitResult['quality']; verdict: string; challenges: string[] } | null;
}

declare global {
  interface Window {
    __portrait: HarnessOutcome;
  }
}

const q = new URLSearchParams(location.search);
window.__portrait = { done: false, cancelled: false, result: null };

async function boot(): Promise<void> {
  await initI18n(q.get('lang') === 'en' ? 'en' : 'vi');
  const seed = q.get('seed');
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <PortraitStep
      seed={seed === null ? undefined : Number(seed)}
      chipPortraitUrl={q.get('chip') ?? undefined}
      onDone={(r) => {
        window.__portrait = {
          done: true,
          cancelled: false,
          result: {
            jpegBytes: r.jpeg.size, jpegType: r.jpeg.type, width: r.width, height: r.height, quality: r.quality,
            verdict: r.liveness.verdict.status, challenges: r.liveness.challenges.map((c) => c.kind),
          },
        };
      }}
      onCancel={() => {
        window.__portrait = { done: true, cancelled: true, result: null };
      }}
    />,
  );
}

void boot();
