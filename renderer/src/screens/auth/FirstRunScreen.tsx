import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { AuthForm, Field } from './AuthForm';

/** First start: the station passphrase that seals the data, and the first administrator. */
export function FirstRunScreen({ onDone }: { onDone: (s: AuthStatus) => void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [f, setF] = useState({ passphrase: '', passphrase2: '', displayName: '', username: '', password: '', password2: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const mismatch = (code: string) => ({ ok: false as const, error: { code, message: '' } });
  return (
    <AuthForm
      testId="first-run"
      title={t('auth.firstRun.title')}
      intro={t('auth.firstRun.intro')}
      submitLabel={t('auth.firstRun.submit')}
      busyLabel={t('auth.firstRun.busy')}
      onSubmit={async () => {
        if (f.passphrase !== f.passphrase2) return mismatch('auth.passphrase_mismatch');
        if (f.password !== f.password2) return mismatch('auth.password_mismatch');
        return client.call('store.create', { passphrase: f.passphrase, admin: { username: f.username, displayName: f.displayName, password: f.password } });
      }}
      onDone={onDone}
    >
      <fieldset>
        <legend>{t('auth.firstRun.station')}</legend>
        <Field label={t('auth.passphrase')} name="passphrase" type="password" value={f.passphrase} onChange={set('passphrase')} hint={t('auth.firstRun.passphraseHint')} />
        <Field label={t('auth.passphraseAgain')} name="passphrase2" type="password" value={f.passphrase2} onChange={set('passphrase2')} />
      </fieldset>
      <fieldset>
        <legend>{t('auth.firstRun.admin')}</legend>
        <Field label={t('auth.displayName')} name="displayName" value={f.displayName} onChange={set('displayName')} />
        <Field label={t('auth.username')} name="username" value={f.username} onChange={set('username')} autoComplete="username" />
        <Field label={t('auth.password')} name="password" type="password" value={f.password} onChange={set('password')} autoComplete="new-password" hint={t('auth.firstRun.passwordHint')} />
        <Field label={t('auth.passwordAgain')} name="password2" type="password" value={f.password2} onChange={set('password2')} autoComplete="new-password" />
      </fieldset>
    </AuthForm>
  );
}
