// A camera or model failure, said in Vietnamese and English, with what to do next.
import { useTranslation } from 'react-i18next';
import type { Stage } from './usePortraitSession';

export function CameraProblem({ stage, onRetry, onCancel, onUseOther }: { stage: Stage; onRetry(): void; onCancel(): void; onUseOther?: () => void }) {
  const { t, i18n } = useTranslation('portrait');
  const key = stage.kind === 'cameraError' ? `camera.${stage.code}` : 'camera.model';
  const other = i18n.language === 'en' ? 'vi' : 'en';
  const second = i18n.getFixedT(other, 'portrait')(key);
  return (
    <div className="portrait-problem" role="alert" data-testid="camera-problem" data-code={stage.kind === 'cameraError' ? stage.code : 'model'}>
      <p className="error">{t(key)}</p>
      <p className="muted" lang={other}>{second}</p>
      <div className="portrait-actions">
        <button type="button" onClick={onRetry} autoFocus>{t('actions.retry')}</button>
        {onUseOther && <button type="button" className="secondary" onClick={onUseOther} data-testid="use-other-camera">{t('actions.useOtherCamera')}</button>}
        <button type="button" className="secondary" onClick={onCancel}>{t('actions.cancel')}</button>
      </div>
    </div>
  );
}
