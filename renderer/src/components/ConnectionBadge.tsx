import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../bridge/context';

export function ConnectionBadge() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span className={`conn conn-${state}`} data-testid="connection" data-state={state} role="status">
      {t(`connection.${state}`)}
    </span>
  );
}
