import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<R extends string> {
  /** The select's and the note's `name` prefix (e.g. "fallback" → fallbackReason, fallbackNote). */
  name: string;
  label: string;
  codes: readonly R[];
  /** Translation key prefix of each code's label (`${prefix}.${code}`). */
  labelPrefix: string;
  code: R | '';
  note: string;
  onChange(code: R | '', note: string): void;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A reason from a short list and a note beside it (the note is required for "other"). */
export function ReasonPicker<R extends string>({ name, label, codes, labelPrefix, code, note, onChange, selectRef }: Props<R>) {
  const { t } = useTranslation();
  return (
    <div className="row-inline">
      <label className="field">
        <span>{label}</span>
        <select ref={selectRef} name={`${name}Reason`} value={code} onChange={(e) => onChange(e.target.value as R | '', note)}>
          <option value="">{t('supervisor.choose')}</option>
          {codes.map((r) => <option key={r} value={r}>{t(`${labelPrefix}.${r}`)}</option>)}
        </select>
      </label>
      <label className="field grow">
        <span>{code === 'other' ? t('supervisor.noteRequired') : t('supervisor.note')}</span>
        <input name={`${name}Note`} autoComplete="off" maxLength={300} value={note} onChange={(e) => onChange(code, e.target.value)} />
      </label>
    </div>
  );
}
