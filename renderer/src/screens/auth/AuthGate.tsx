import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/contract/index';
import { FirstRunScreen } from './FirstRunScreen';
import { SignInScreen } from './SignInScreen';
import { UnlockScreen } from './UnlockScreen';
import { useAuthStatus } from './useAuthStatus';

/**
 * Nothing of the kiosk's work shows until the store is open and an officer is signed in. When the
 * officer signs out or the idle lock fires, `children` unmount: every screen with personal data
 * is gone, not hidden.
 */
export function AuthGate({ children }: { children: (officer: OfficerView) => ReactNode }) {
  const { t } = useTranslation();
  const { status, set, refresh } = useAuthStatus();
  if (!status) return <p className="muted">{t('app.loading')}</p>;
  if (status.store === 'missing') return <FirstRunScreen onDone={set} />;
  if (status.store === 'locked') return <UnlockScreen status={status} onDone={set} refresh={refresh} />;
  if (!status.officer) return <SignInScreen status={status} onDone={set} />;
  return <>{children(status.officer)}</>;
}
