import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { checkIdNumberAgainst } from '../../../../shared/domain/id-number';
import { ActionBar } from '../../components/ActionBar';
import { ReasonPicker } from '../../components/ReasonPicker';
import { useInitialFocus } from '../../components/useInitialFocus';
import { Disagreements } from './Disagreements';
import { IdentityView } from './IdentityView';

export type Fallback = NonNullable<NonNullable<DraftDossier['identity']>['fallback']>;
export const FALLBACK_REASONS = ['reader_failed', 'chip_damaged', 'chip_unreadable', 'no_reader', 'other'] as const;

/**
 * Data from the QR code or typed by the officer, without the chip: why the chip was not used is
 * required (a reason from the list, a note for "other") and stored with the dossier.
 */
export function FallbackResult({ identity, onContinue, onReadAgain }: { identity: CitizenIdentity; onContinue(f: Fallback): void; onReadAgain(): void }) {
  const { t } = useTranslation('card');
  const [reason, setReason] = useState<Fallback['reason'] | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const first = useInitialFocus<HTMLSelectElement>();
  const go = () => {
    if (!reason) return setProblem(t('fallback.needReason'));
    if (reason === 'other' && !note.trim()) return setProblem(t('fallback.needNote'));
    onContinue({ reason, note: note.trim() });
  };
  return (
    <>
      <div className="panel help fallback-reason" data-testid="fallback-reason">
        <p className="lead">{t('fallback.title')}</p>
        <ReasonPicker
          name="fallback"
          label={t('fallback.reason')}
          codes={FALLBACK_REASONS}
          labelPrefix="card:fallback.reasons"
          code={reason}
          note={note}
          selectRef={first}
          onChange={(c, n) => {
            setReason(c);
            setNote(n);
          }}
        />
        {problem && <p className="error" role="alert" data-testid="fallback-error">{problem}</p>}
      </div>
      <Disagreements items={[]} idWarnings={checkIdNumberAgainst(identity.idNumber, identity.dateOfBirth, identity.sex).map((w) => w.code)} />
      <IdentityView identity={identity} portrait={null} />
      <ActionBar>
        <button type="button" className="big" data-testid="card-continue" onClick={go}>{t('result.continue')}</button>
        <button type="button" className="secondary" onClick={onReadAgain}>{t('result.readAgain')}</button>
      </ActionBar>
    </>
  );
}
