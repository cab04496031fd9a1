import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { AuthForm, Field } from './AuthForm';

export function SignInScreen({ status, onDone }: { status: AuthStatus; onDone: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <AuthForm
      testId="sign-in"
      title={t('auth.signIn.title')}
      intro={t('auth.signIn.intro')}
      submitLabel={t('auth.signIn.submit')}
      busyLabel={t('auth.checking')}
      onSubmit={async () => {
        const r = await client.call('auth.signIn', { username, password });
        setPassword('');
        return r;
      }}
      onDone={onDone}
    >
      <Field label={t('auth.username')} name="username" value={username} onChange={setUsername} autoComplete="username" />
      <Field label={t('auth.password')} name="password" type="password" value={password} onChange={setPassword} autoComplete="current-password" />
      {status.training && (
        <p className="help" data-testid="training-accounts">
          {t('auth.signIn.training', { accounts: status.training.accounts.map((a) => `${a.username} (${t(`auth.role.${a.role}`)})`).join(', '), password: status.training.password })}
        </p>
      )}
    </AuthForm>
  );
}
