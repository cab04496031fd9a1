import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import type { guardianSchema } from '../../../../shared/domain/dossier';
import type { z } from 'zod';

export type Guardian = z.infer<typeof guardianSchema>;
type Relationship = Guardian['relationship'];

/**
 * For a citizen of 6 to under 14 with a Căn cước card: the parent or guardian who is present and
 * asks for the account (Decree 69/2024). The card's parents' names are offered as a start.
 */
export function GuardianStep({ citizen, age, initial, onDone, busy }: { citizen: CitizenIdentity; age: number; initial: Guardian | undefined; onDone(g: Guardian): void; busy: boolean }) {
  const { t } = useTranslation('intake');
  const fromCard = (r: Relationship) => (r === 'father' ? citizen.fatherName : r === 'mother' ? citizen.motherName : undefined) ?? '';
  const [relationship, setRelationship] = useState<Relationship>(initial?.relationship ?? 'father');
  const [fullName, setFullName] = useState(initial?.fullName ?? fromCard('father'));
  const [idNumber, setIdNumber] = useState(initial?.idNumber ?? '');
  const [present, setPresent] = useState(initial?.present ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const first = useInitialFocus<HTMLInputElement>();

  const pick = (r: Relationship) => {
    setRelationship(r);
    if (!fullName.trim() || fullName === fromCard(relationship)) setFullName(fromCard(r));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = fullName.trim().normalize('NFC');
    const id = idNumber.replace(/[\s.\-]/g, '');
    if (!name || name.length > 120) return setProblem('fullName');
    if (!/^\d{12}$/.test(id)) return setProblem('idNumber');
    if (id === citizen.idNumber) return setProblem('sameAsCitizen');
    if (!present) return setProblem('present');
    setProblem(null);
    onDone({ fullName: name, idNumber: id, relationship, present: true });
  };
  return (
    <section className="panel" data-testid="guardian-step" aria-labelledby="guardian-title">
      <h2 id="guardian-title">{t('guardian.title')}</h2>
      <p className="lead">{t('guardian.intro', { age })}</p>
      <form onSubmit={submit} noValidate>
        <fieldset className="row-inline">
          <legend>{t('guardian.relationship')}</legend>
          {(['father', 'mother', 'guardian'] as const).map((r) => (
            <label key={r} className="check">
              <input type="radio" name="relationship" value={r} checked={relationship === r} onChange={() => pick(r)} />
              <span>{t(`guardian.relationships.${r}`)}</span>
              {fromCard(r) && <span className="muted small"> — {t('guardian.fromCard', { name: fromCard(r) })}</span>}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('guardian.fullName')}</span>
          <input name="guardianName" autoComplete="off" value={fullName} onChange={(e) => setFullName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('guardian.idNumber')}</span>
          <input ref={first} name="guardianId" inputMode="numeric" autoComplete="off" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
        </label>
        <label className="check big-check">
          <input type="checkbox" name="guardianPresent" checked={present} onChange={(e) => setPresent(e.target.checked)} />
          <span>{t('guardian.present')}</span>
        </label>
        {problem && <p className="error" role="alert" data-testid="guardian-error">{t(`guardian.problem.${problem}`)}</p>}
        <ActionBar>
          <button type="submit" className="big" disabled={busy} data-testid="guardian-next">{t('guardian.next')}</button>
        </ActionBar>
      </form>
    </section>
  );
}
