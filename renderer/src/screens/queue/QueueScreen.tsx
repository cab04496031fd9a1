import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/contract/index';
import type { DossierState } from '../../../../shared/domain/dossier-state';
import { can } from '../../../../shared/domain/roles';
import { DossierDetail } from './DossierDetail';
import { ResultsTable } from './ResultsTable';
import { SearchBox } from './SearchBox';
import { StateChips } from './StateChips';
import { SyncPanel } from './SyncPanel';
import { useQueueData } from './useQueueData';
import './queue.css';

/** The list caps at this many rows (shared/contract/dossier.ts): a full page means there may be more. */
const PAGE = 200;

interface Props {
  officer: OfficerView;
  onBack(): void;
  /** Opens the intake wizard on the officer's own returned dossier or draft. */
  onResume(id: string): void;
}

/**
 * Where dossiers stand: counts by state (choosing one filters), search by ID number or name, and
 * one dossier's detail with its history. Officers see their own; the host decides what each sees.
 */
export function QueueScreen({ officer, onBack, onResume }: Props) {
  const { t } = useTranslation('queue');
  const [state, setState] = useState<DossierState | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const { counts, listing, loading, error, reload } = useQueueData(state, query);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!open) heading.current?.focus();
  }, [open]);

  if (open) {
    return (
      <DossierDetail
        id={open}
        officerId={officer.id}
        officerName={listing?.officers[listing.rows.find((r) => r.id === open)?.officerId ?? ''] ?? null}
        onBack={() => {
          setOpen(null);
          reload();
        }}
        onResume={onResume}
      />
    );
  }
  const rows = listing?.rows ?? [];
  return (
    <section className="panel queue-screen" data-testid="queue-screen">
      <h2 ref={heading} tabIndex={-1}>{t('title')}</h2>
      <p className="muted">{can(officer.role, 'queue.all') ? t('scopeAll') : t('scopeOwn')}</p>
      <SyncPanel officer={officer} />
      {counts && <StateChips counts={counts} selected={state} onSelect={setState} />}
      <SearchBox query={query} onSearch={setQuery} />
      {error && (
        <div className="error-row">
          <p className="error" role="alert" data-testid="queue-error">{error}</p>
          <button type="button" className="secondary" onClick={reload}>{t('retry')}</button>
        </div>
      )}
      <div className="queue-results" aria-busy={loading} aria-live="polite">
        {loading && <p className="muted" role="status" data-testid="queue-loading">{t('loading')}</p>}
        {query && <p className="muted">{t('search.active', { query })}</p>}
        {listing && rows.length === 0 && !loading && (
          <p className="muted" data-testid="queue-empty">{query ? t('noMatch', { query }) : t('empty')}</p>
        )}
        {rows.length > 0 && (
          <>
            <p className="muted small" data-testid="queue-result-count">{t('resultCount', { count: rows.length })}</p>
            <ResultsTable rows={rows} officers={listing?.officers ?? {}} officerId={officer.id} onOpen={setOpen} onResume={onResume} />
            {listing && listing.rows.length >= PAGE && <p className="help">{t('truncated')}</p>}
          </>
        )}
      </div>
      <div className="actions">
        <button type="button" className="secondary" data-testid="queue-back" onClick={onBack}>{t('back')}</button>
      </div>
    </section>
  );
}
