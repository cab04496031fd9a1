import { describe, it, expect } from 'vitest';
import { BRIDGE_ERROR_CODES, calls } from '../../../shared/contract/index';
import { catalogues } from './index';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const cats = catalogues();
const flat = {
  vi: Object.fromEntries(Object.entries(cats.vi).map(([ns, t]) => [ns, flatten(t as Tree)])),
  en: Object.fromEntries(Object.entries(cats.en).map(([ns, t]) => [ns, flatten(t as Tree)])),
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  it('have the same namespaces in Vietnamese and English', () => {
    expect(Object.keys(flat.vi).sort()).toEqual(Object.keys(flat.en).sort());
    expect(Object.keys(flat.vi)).toContain('common');
  });

  for (const ns of Object.keys(flat.vi)) {
    it(`namespace "${ns}": every key exists in both languages, non-empty, same placeholders`, () => {
      const vi = flat.vi[ns]!;
      const en = flat.en[ns] ?? new Map<string, string>();
      expect([...vi.keys()].filter((k) => !en.has(k)), 'missing in en').toEqual([]);
      expect([...en.keys()].filter((k) => !vi.has(k)), 'missing in vi').toEqual([]);
      for (const [k, v] of vi) {
        expect(v.trim(), `vi ${ns}:${k}`).not.toBe('');
        expect(en.get(k)!.trim(), `en ${ns}:${k}`).not.toBe('');
        expect(placeholders(en.get(k)!), `placeholders of ${ns}:${k}`).toEqual(placeholders(v));
      }
    });
  }

  it('explain every error code the contract can return, in both languages', () => {
    const codes = new Set<string>(BRIDGE_ERROR_CODES);
    for (const def of Object.values(calls)) for (const c of def.errors as readonly string[]) codes.add(c);
    for (const lang of ['vi', 'en'] as const) {
      const missing = [...codes].filter((c) => !flat[lang].common!.has(`errors.${c}`));
      expect(missing, `error texts missing in ${lang}`).toEqual([]);
    }
  });
});

const sources = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

describe('keys used in the renderer source', () => {
  it('all exist in the Vietnamese catalogue', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // Each translator the file takes (`const { t } = useTranslation('ns')`, or `{ t: ti }`) with its namespace.
      const translators = new Map<string, string>();
      for (const m of text.matchAll(/\{\s*t(?:\s*:\s*(\w+))?\s*\}\s*=\s*useTranslation\(\s*(?:'([\w-]+)')?/g)) translators.set(m[1] ?? 't', m[2] ?? 'common');
      if (!translators.has('t')) translators.set('t', /useTranslation\(\s*'([\w-]+)'/.exec(text)?.[1] ?? 'common');
      for (const [name, fileNs] of translators) {
        for (const m of text.matchAll(new RegExp(`\\b${name}\\(\\s*'([\\w.:-]+)'(?:\\s*,\\s*\\{[^}]*ns:\\s*'([\\w-]+)')?`, 'g'))) {
          let key = m[1]!;
          let ns = m[2] ?? fileNs;
          if (key.includes(':')) [ns, key] = key.split(':') as [string, string];
          if (key.endsWith('.')) continue; // a prefix completed at run time
          if (!flat.vi[ns]?.has(key)) missing.push(`${file}: ${ns}:${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
