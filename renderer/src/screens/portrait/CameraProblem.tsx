// A camera or model failure, in the screen's language, with what to do next.
import { useTranslation } from 'react-i18next';
import { useInitialFocus } from '../../components/useInitialFocus';
import type { Stage } from './usePortraitSession';

export function CameraProblem({ stage, onRetry, onUseOther }: { stage: Stage; onRetry(): void; onUseOther?: () => void }) {
  const { t } = useTranslation('portrait');
  const retry = useInitialFocus<HTMLButtonElement>();
  const key = stage.kind === 'cameraError' ? `camera.${stage.code}` : 'camera.model';
  return (
    <div className="portrait-problem" role="alert" data-testid="camera-problem" data-code={stage.kind === 'cameraError' ? stage.code : 'model'}>
      <p className="error">{t(key)}</p>
      <div className="portrait-actions">
        <button ref={retry} type="button" onClick={onRetry}>{t('actions.retry')}</button>
        {onUseOther && <button type="button" className="secondary" onClick={onUseOther} data-testid="use-other-camera">{t('actions.useOtherCamera')}</button>}
      </div>
    </div>
  );
}
