import { describe, expect, it } from 'vitest';
import { DOSSIER_STATES } from '../../../../shared/domain/dossier-state';
import { catalogues } from '../../i18n/index';
import { actionKey, KNOWN_ACTIONS, resumeKind, stamp, stateCounts } from './labels';

type Tree = { [k: string]: string | Tree };
const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((t, k) => (t as Tree | undefined)?.[k], tree);

describe('queue labels', () => {
  it('give every known audit action and every state a label in Vietnamese and English', () => {
    const cats = catalogues();
    for (const lang of ['vi', 'en'] as const) {
      for (const a of KNOWN_ACTIONS) expect(lookup(cats[lang].queue, actionKey(a)!), `${lang} ${a}`).toEqual(expect.any(String));
      for (const s of DOSSIER_STATES) expect(lookup(cats[lang].queue, `states.${s}`), `${lang} ${s}`).toEqual(expect.any(String));
    }
    expect(lookup(cats.vi.queue, actionKey('dossier.submitted')!)).toBe('Gửi duyệt');
    expect(lookup(cats.vi.queue, actionKey('dossier.approved')!)).toBe('Duyệt');
  });

  it('have no label of their own for an action they do not know', () => {
    expect(actionKey('sync.something_new')).toBeNull();
    expect(actionKey('actions')).toBeNull();
  });

  it('count every state in the life order, missing ones as 0', () => {
    const { chips, total } = stateCounts({ submitted: 2, queued: 1 });
    expect(chips.map((c) => c.state)).toEqual([...DOSSIER_STATES]);
    expect(chips.find((c) => c.state === 'submitted')?.n).toBe(2);
    expect(chips.find((c) => c.state === 'draft')?.n).toBe(0);
    expect(total).toBe(3);
  });

  it('show timestamps as dd/mm/yyyy HH:mm in local time, a dash for none', () => {
    const local = new Date(2026, 2, 5, 8, 7);
    expect(stamp(local.toISOString())).toBe('05/03/2026 08:07');
    expect(stamp(null)).toBe('—');
    expect(stamp('not a date')).toBe('—');
  });

  it('let an officer pick up only their own returned dossiers and drafts', () => {
    expect(resumeKind({ state: 'returned', officerId: 'a' }, 'a')).toBe('returned');
    expect(resumeKind({ state: 'draft', officerId: 'a' }, 'a')).toBe('draft');
    expect(resumeKind({ state: 'returned', officerId: 'b' }, 'a')).toBeNull();
    expect(resumeKind({ state: 'submitted', officerId: 'a' }, 'a')).toBeNull();
  });
});
