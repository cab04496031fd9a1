import { useTranslation } from 'react-i18next';
import { emptyDependant, type DependantForm, type Relationship } from './integration-form';

/** The dependants to link to the account: add and remove rows, each with a name, date of birth and a document number. */
export function DependantsEditor({ value, onChange }: { value: DependantForm[]; onChange(v: DependantForm[]): void }) {
  const { t } = useTranslation('intake');
  const set = (i: number, change: Partial<DependantForm>) => onChange(value.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <fieldset className="dependants" data-testid="dependants">
      <legend>{t('integration.dependants')}</legend>
      {value.length === 0 && <p className="muted">{t('integration.noDependants')}</p>}
      {value.map((d, i) => (
        <div className="dependant" key={i} data-testid="dependant">
          <h4>{t('integration.dependantNo', { n: i + 1 })}</h4>
          <label className="field">
            <span>{t('integration.fullName')}</span>
            <input name={`dependant-${i}-fullName`} autoComplete="off" value={d.fullName} onChange={(e) => set(i, { fullName: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('integration.dateOfBirth')}</span>
            <input name={`dependant-${i}-dateOfBirth`} inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" value={d.dateOfBirth} onChange={(e) => set(i, { dateOfBirth: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('integration.relationship')}</span>
            <select name={`dependant-${i}-relationship`} value={d.relationship} onChange={(e) => set(i, { relationship: e.target.value as Relationship })}>
              <option value="child_under_14">{t('integration.relationships.child_under_14')}</option>
              <option value="under_guardianship">{t('integration.relationships.under_guardianship')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('integration.idNumber')}</span>
            <input name={`dependant-${i}-idNumber`} inputMode="numeric" autoComplete="off" value={d.idNumber} onChange={(e) => set(i, { idNumber: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('integration.birthCertificate')}</span>
            <input name={`dependant-${i}-birthCertificate`} autoComplete="off" value={d.birthCertificateNumber} onChange={(e) => set(i, { birthCertificateNumber: e.target.value })} />
          </label>
          <button type="button" className="secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('integration.removeDependant')}</button>
        </div>
      ))}
      {value.length < 10 && (
        <button type="button" className="secondary" data-testid="add-dependant" onClick={() => onChange([...value, emptyDependant()])}>
          {t('integration.addDependant')}
        </button>
      )}
    </fieldset>
  );
}
