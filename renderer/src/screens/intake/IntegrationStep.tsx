import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { integrationSchema } from '../../../../shared/domain/dossier';
import { DependantsEditor } from './DependantsEditor';
import { fromForm, toForm, type Integration, type IntegrationForm, type IntegrationProblem } from './integration-form';

const LICENCE_CLASSES = integrationSchema.shape.drivingLicence.unwrap().shape.class.options;

/** One service the citizen may ask to integrate: a tick box that opens its fields. */
function Service({ name, label, on, onToggle, children }: { name: string; label: string; on: boolean; onToggle(on: boolean): void; children: ReactNode }) {
  return (
    <fieldset className="service" data-testid={`service-${name}`}>
      <label className="check">
        <input type="checkbox" name={name} checked={on} onChange={(e) => onToggle(e.target.checked)} />
        <span>{label}</span>
      </label>
      {on && <div className="service-fields">{children}</div>}
    </fieldset>
  );
}

/** The integration requests (driving licence, vehicle, health and social insurance, dependants). */
export function IntegrationStep({ initial, onDone, busy }: { initial: Integration | undefined; onDone(i: Integration): void; busy: boolean }) {
  const { t } = useTranslation('intake');
  const [form, setForm] = useState<IntegrationForm>(() => toForm(initial));
  const [problem, setProblem] = useState<IntegrationProblem | null>(null);
  const first = useInitialFocus<HTMLButtonElement>();
  const patch = <K extends keyof IntegrationForm>(k: K, v: Partial<IntegrationForm[K]>) => setForm((f) => ({ ...f, [k]: { ...f[k], ...v } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = fromForm(form);
    if (!r.ok) return setProblem(r.problem);
    setProblem(null);
    onDone(r.value);
  };
  const input = (name: string, label: string, value: string, on: (v: string) => void, numeric = false) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} autoComplete="off" inputMode={numeric ? 'numeric' : 'text'} value={value} onChange={(e) => on(e.target.value)} />
    </label>
  );
  return (
    <section className="panel" data-testid="integration-step" aria-labelledby="integration-title">
      <h2 id="integration-title">{t('integration.title')}</h2>
      <p className="muted">{t('integration.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Service name="drivingLicence" label={t('integration.drivingLicence')} on={form.drivingLicence.on} onToggle={(on) => patch('drivingLicence', { on })}>
          {input('licenceNumber', t('integration.licenceNumber'), form.drivingLicence.number, (number) => patch('drivingLicence', { number }), true)}
          <label className="field">
            <span>{t('integration.licenceClass')}</span>
            <select name="licenceClass" value={form.drivingLicence.class} onChange={(e) => patch('drivingLicence', { class: e.target.value })}>
              {LICENCE_CLASSES.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </label>
        </Service>
        <Service name="vehicle" label={t('integration.vehicle')} on={form.vehicle.on} onToggle={(on) => patch('vehicle', { on })}>
          {input('plate', t('integration.plate'), form.vehicle.plate, (plate) => patch('vehicle', { plate }))}
          {input('registrationNumber', t('integration.registrationNumber'), form.vehicle.registrationNumber, (registrationNumber) => patch('vehicle', { registrationNumber }))}
        </Service>
        <Service name="healthInsurance" label={t('integration.healthInsurance')} on={form.healthInsurance.on} onToggle={(on) => patch('healthInsurance', { on })}>
          {input('healthNumber', t('integration.healthNumber'), form.healthInsurance.number, (number) => patch('healthInsurance', { number }))}
        </Service>
        <Service name="socialInsurance" label={t('integration.socialInsurance')} on={form.socialInsurance.on} onToggle={(on) => patch('socialInsurance', { on })}>
          {input('socialNumber', t('integration.socialNumber'), form.socialInsurance.number, (number) => patch('socialInsurance', { number }), true)}
        </Service>
        <DependantsEditor value={form.dependants} onChange={(dependants) => setForm((f) => ({ ...f, dependants }))} />
        {problem && (
          <p className="error" role="alert" data-testid="integration-error" data-field={problem.field}>
            {t(`integration.problem.${problem.field}`, { n: 'index' in problem ? problem.index + 1 : 0 })}
          </p>
        )}
        <ActionBar>
          <button ref={first} type="submit" className="big" disabled={busy} data-testid="integration-next">{t('integration.next')}</button>
        </ActionBar>
      </form>
    </section>
  );
}
