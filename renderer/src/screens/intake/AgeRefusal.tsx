import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import type { AgeRule } from '../../../../shared/domain/age-rules';

/** The citizen may not have a level-2 account: the rule that applied, in words, and the way out. Nothing was saved. */
export function AgeRefusal({ rule, name, onDone }: { rule: Extract<AgeRule, { allowed: false }>; name: string; onDone(): void }) {
  const { t } = useTranslation('intake');
  const first = useInitialFocus<HTMLButtonElement>();
  return (
    <section className="panel" data-testid="age-refusal" aria-labelledby="refusal-title" data-rule={rule.rule}>
      <h2 id="refusal-title">{t('refused.title')}</h2>
      <p className="lead">{name}</p>
      <p className="error" role="alert">{t(`refused.${rule.rule}`, { age: rule.age })}</p>
      <p className="muted">{t('refused.nothingSaved')}</p>
      <ActionBar>
        <button ref={first} type="button" className="big" data-testid="refusal-done" onClick={onDone}>{t('refused.done')}</button>
      </ActionBar>
    </section>
  );
}
