import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { AuthForm, Field } from './AuthForm';

export function UnlockScreen({ status, onDone, refresh }: { status: AuthStatus; onDone: (s: AuthStatus) => void; refresh: () => void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [passphrase, setPassphrase] = useState('');
  // After a refused try the host may say how long to wait: ask again when that time is up.
  useEffect(() => {
    if (status.unlockWaitMs <= 0) return;
    const timer = setTimeout(refresh, status.unlockWaitMs + 250);
    return () => clearTimeout(timer);
  }, [status.unlockWaitMs, refresh]);
  return (
    <AuthForm
      testId="unlock"
      title={t('auth.unlock.title')}
      intro={t('auth.unlock.intro')}
      submitLabel={t('auth.unlock.submit')}
      busyLabel={t('auth.unlock.busy')}
      onSubmit={async () => {
        const r = await client.call('store.unlock', { passphrase });
        setPassphrase('');
        if (!r.ok) refresh();
        return r;
      }}
      onDone={onDone}
    >
      <Field label={t('auth.passphrase')} name="passphrase" type="password" value={passphrase} onChange={setPassphrase} />
      {status.unlockFailures > 0 && (
        <p className="warn" data-testid="unlock-failures">
          {t('auth.unlock.failures', { count: status.unlockFailures })}
          {status.unlockWaitMs > 0 && ' ' + t('auth.unlock.wait', { seconds: Math.ceil(status.unlockWaitMs / 1000) })}
        </p>
      )}
    </AuthForm>
  );
}
