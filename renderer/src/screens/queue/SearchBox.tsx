import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Search by ID number or name; Enter or the button searches, "Clear" goes back to the whole list. */
export function SearchBox({ query, onSearch }: { query: string; onSearch(query: string): void }) {
  const { t } = useTranslation('queue');
  const [text, setText] = useState(query);
  return (
    <form
      className="queue-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label className="field">
        <span>{t('search.label')}</span>
        <input name="query" type="search" value={text} maxLength={100} autoComplete="off" onChange={(e) => setText(e.target.value)} data-testid="queue-search" />
      </label>
      <div className="actions">
        <button type="submit" data-testid="queue-search-submit">{t('search.submit')}</button>
        {query && (
          <button
            type="button"
            className="secondary"
            data-testid="queue-search-clear"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            {t('search.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
