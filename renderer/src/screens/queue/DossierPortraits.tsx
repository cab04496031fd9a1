import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../bridge/context';

type Kind = 'chip_portrait' | 'live_portrait';
/** undefined while loading, null when the dossier has no such image (or it could not be fetched). */
type Images = Partial<Record<Kind, string | null>>;

/** The chip portrait beside the live one, each fetched from the host as the viewer may see it. */
export function DossierPortraits({ id }: { id: string }) {
  const { t } = useTranslation('queue');
  const client = useKiosk();
  const [images, setImages] = useState<Images>({});
  useEffect(() => {
    let current = true;
    for (const kind of ['chip_portrait', 'live_portrait'] as const) {
      void client.call('dossier.image', { id, kind }).then((r) => {
        if (current) setImages((was) => ({ ...was, [kind]: r.ok ? r.value.dataUrl : null }));
      });
    }
    return () => {
      current = false;
    };
  }, [client, id]);

  const figure = (kind: Kind, label: string) => {
    const src = images[kind];
    return (
      <figure>
        {src ? <img src={src} alt={label} data-testid={`queue-${kind}`} /> : <div className="no-portrait">{src === undefined ? t('detail.imageLoading') : t('detail.noImage')}</div>}
        <figcaption>{label}</figcaption>
      </figure>
    );
  };
  return (
    <div className="portraits">
      {figure('chip_portrait', t('detail.chipPortrait'))}
      {figure('live_portrait', t('detail.livePortrait'))}
    </div>
  );
}
