import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';

type Current = CallOutput<'drive.current'>['current'];

/**
 * On the home screen while a drive is open: the officer switches the company the next dossiers
 * are tagged with in one touch. Hidden when no drive is open.
 */
export function CompanySwitch() {
  const { t } = useTranslation('reports');
  const client = useKiosk();
  const [current, setCurrent] = useState<Current>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void client.call('drive.current').then((r) => (r.ok ? setCurrent(r.value.current) : setError(errorMessage(t, r.error))));
  }, [client, t]);
  if (!current) return error ? <p className="error" role="alert">{error}</p> : null;
  const pick = async (companyId: string | null) => {
    const r = await client.call('drive.switchCompany', { companyId });
    if (r.ok) setCurrent(r.value.current);
    setError(r.ok ? null : errorMessage(t, r.error));
  };
  const options = [...current.drive.companies.map((c) => ({ id: c.id as string | null, name: c.name })), { id: null, name: t('company.none') }];
  return (
    <section className="panel company-switch" data-testid="company-switch" aria-labelledby="company-switch-label">
      <p id="company-switch-label">{t('company.label', { drive: current.drive.name })}</p>
      <div className="actions" role="group" aria-labelledby="company-switch-label">
        {options.map((o, i) => (
          <button key={o.id ?? 'none'} type="button" className={current.companyId === o.id ? 'big' : 'big secondary'} aria-pressed={current.companyId === o.id} data-testid={`company-${i}`} onClick={() => void pick(o.id)}>
            {o.name}
          </button>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
