/**
 * The intake's dossier in the store: created when the card step ends, saved after every step (with
 * the revision the host last returned, so a second screen cannot overwrite newer work), loaded again
 * to resume. Saves run one at a time; a failed save leaves the officer on the step with the reason.
 */
import { useCallback, useRef, useState } from 'react';
import type { DossierRowView } from '../../../../shared/contract/index';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { useKiosk } from '../../bridge/context';

export interface SavedDraft {
  row: DossierRowView;
  body: DraftDossier;
}

export type DraftResult = { ok: true; draft: SavedDraft } | { ok: false; error: { code: string; message: string } };

export function useDraft() {
  const client = useKiosk();
  const [draft, setDraft] = useState<SavedDraft | null>(null);
  const current = useRef<SavedDraft | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const keep = useCallback((d: SavedDraft) => {
    current.current = d;
    setDraft(d);
  }, []);

  /** The host's answer to a create or save: the new row with the body sent, kept as the current draft. */
  const settle = useCallback(
    (r: { ok: true; value: DossierRowView } | { ok: false; error: { code: string; message: string } }, body: DraftDossier): DraftResult => {
      if (!r.ok) return { ok: false, error: r.error };
      const d = { row: r.value, body };
      keep(d);
      return { ok: true, draft: d };
    },
    [keep],
  );

  /** Runs saves in order, each with the revision the previous one produced. */
  const serial = useCallback(<T,>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(fn, fn);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const create = useCallback(
    (body: DraftDossier, extra: { chipReadId?: string; chipPortrait?: string }): Promise<DraftResult> =>
      serial(async () => {
        return settle(await client.call('dossier.create', { body, ...extra }), body);
      }),
    [client, settle, serial],
  );

  const save = useCallback(
    (change: Partial<DraftDossier>, images: { livePortrait?: string } = {}): Promise<DraftResult> =>
      serial(async () => {
        const cur = current.current;
        if (!cur) return { ok: false as const, error: { code: 'dossier.not_found', message: 'no draft' } };
        const body = { ...cur.body, ...change };
        return settle(await client.call('dossier.save', { id: cur.row.id, revision: cur.row.revision, body, ...images }), body);
      }),
    [client, settle, serial],
  );

  const load = useCallback(
    async (id: string): Promise<DraftResult> => {
      const r = await client.call('dossier.get', { id });
      if (!r.ok) return { ok: false, error: r.error };
      const d = { row: r.value.row, body: r.value.body };
      keep(d);
      return { ok: true, draft: d };
    },
    [client, keep],
  );

  /** After submission the row moves on; the body stays for the summary. */
  const setRow = useCallback((row: DossierRowView) => {
    const cur = current.current;
    if (cur) keep({ ...cur, row });
  }, [keep]);

  return { draft, create, save, load, setRow };
}
