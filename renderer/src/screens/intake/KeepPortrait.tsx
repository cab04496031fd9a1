import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { useKiosk } from '../../bridge/context';

/** A resumed dossier that already has its live portrait: keep it, or take it again. */
export function KeepPortrait({ dossierId, onKeep, onRetake }: { dossierId: string; onKeep(): void; onRetake(): void }) {
  const { t } = useTranslation('intake');
  const client = useKiosk();
  const [url, setUrl] = useState<string | null>(null);
  const first = useInitialFocus<HTMLButtonElement>();
  useEffect(() => {
    let live = true;
    void client.call('dossier.image', { id: dossierId, kind: 'live_portrait' }).then((r) => live && r.ok && setUrl(r.value.dataUrl));
    return () => {
      live = false;
    };
  }, [client, dossierId]);
  return (
    <section className="panel" data-testid="keep-portrait" aria-labelledby="keep-title">
      <h2 id="keep-title">{t('draft.keepPortraitTitle')}</h2>
      <p className="muted">{t('draft.keepPortraitHelp')}</p>
      {url && <img className="portrait-thumb" src={url} alt={t('draft.keepPortraitTitle')} />}
      <ActionBar>
        <button ref={first} type="button" className="big" data-testid="keep-portrait-yes" onClick={onKeep}>{t('draft.keepPortrait')}</button>
        <button type="button" className="secondary" data-testid="keep-portrait-retake" onClick={onRetake}>{t('draft.retakePortrait')}</button>
      </ActionBar>
    </section>
  );
}
