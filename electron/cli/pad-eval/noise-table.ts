// Side-by-side rates for the plain and the camera-noise runs of every species, for the production
// verdict and for each screen-cue variant the PAD page ran on the same frames.
import { computeRates, type Outcome } from './metrics';

export interface VariantOutcome extends Outcome {
  /** Ran with camera noise (sensor noise and jitter added to the file). */
  noisy: boolean;
  /** Accepted under each cue variant (the page's parallel sessions), e.g. { none: true, periodic: false }. */
  variants?: Record<string, boolean>;
  /** Per screen cue, when its passive score alone first reached 1 in the run (null: never). */
  cueFired?: Record<string, number | null>;
}

export interface SpeciesRow {
  species: string;
  plain: { accepted: number; presentations: number } | null;
  noisy: { accepted: number; presentations: number } | null;
}

export interface NoiseTable {
  /** Label per variant: 'verdict' is the production session, others are the page's cue variants. */
  variant: string;
  species: SpeciesRow[];
  bpcer: { plain: { rejected: number; presentations: number } | null; noisy: { rejected: number; presentations: number } | null };
}

function table(rows: readonly VariantOutcome[], variant: string, accepted: (o: VariantOutcome) => boolean | undefined): NoiseTable {
  const usable = rows.filter((o) => accepted(o) !== undefined);
  const rates = (noisy: boolean) => computeRates(usable.filter((o) => o.noisy === noisy).map((o) => ({ ...o, accepted: accepted(o) === true })));
  const plain = rates(false);
  const noisy = rates(true);
  const species = [...new Set([...Object.keys(plain.apcer), ...Object.keys(noisy.apcer)])].sort();
  const pick = (r: { accepted: number; presentations: number } | undefined) => (r ? { accepted: r.accepted, presentations: r.presentations } : null);
  const bp = (r: typeof plain) => (r.bpcer ? { rejected: r.bpcer.rejected, presentations: r.bpcer.presentations } : null);
  return {
    variant,
    species: species.map((s) => ({ species: s, plain: pick(plain.apcer[s]), noisy: pick(noisy.apcer[s]) })),
    bpcer: { plain: bp(plain), noisy: bp(noisy) },
  };
}

export function noiseTables(rows: readonly VariantOutcome[]): NoiseTable[] {
  const variants = [...new Set(rows.flatMap((r) => Object.keys(r.variants ?? {})))].sort();
  return [table(rows, 'verdict', (o) => o.accepted), ...variants.map((v) => table(rows, v, (o) => o.variants?.[v]))];
}

const frac = (n: number, d: number) => `${n}/${d} = ${(n / d).toFixed(2)}`;
const cell = (r: { accepted: number; presentations: number } | null) => (r ? frac(r.accepted, r.presentations) : '–');

/** Markdown: one table per variant, APCER per species plain | noisy, then BPCER plain | noisy. */
export function formatNoiseTables(tables: readonly NoiseTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`${t.variant === 'verdict' ? 'production verdict' : `cues: ${t.variant}`}`, '', '| PAI species | APCER plain | APCER camera noise |', '|---|---|---|');
    for (const s of t.species) out.push(`| ${s.species} | ${cell(s.plain)} | ${cell(s.noisy)} |`);
    const b = t.bpcer;
    out.push(`| **BPCER** (bona fide) | ${b.plain ? frac(b.plain.rejected, b.plain.presentations) : '–'} | ${b.noisy ? frac(b.noisy.rejected, b.noisy.presentations) : '–'} |`, '');
  }
  return out.join('\n');
}

export interface CueRow {
  cue: string;
  /** Per attack species (and 'bona_fide'): runs in which the cue fired / runs, plain and noisy. */
  rows: { group: string; plain: [number, number] | null; noisy: [number, number] | null }[];
}

/** How often each cue fires on its own, whatever the challenges decide: attacks caught, bona fide hit. */
export function cueDetection(rows: readonly VariantOutcome[]): CueRow[] {
  const done = rows.filter((r) => r.processed && r.cueFired);
  const cues = [...new Set(done.flatMap((r) => Object.keys(r.cueFired ?? {})))].sort();
  const group = (r: VariantOutcome) => (r.label === 'bona_fide' ? 'bona_fide' : (r.type ?? 'unspecified'));
  const groups = [...new Set(done.map(group))].sort((a, b) => (a === 'bona_fide' ? 1 : b === 'bona_fide' ? -1 : a.localeCompare(b)));
  return cues.map((cue) => ({
    cue,
    rows: groups.map((g) => {
      const count = (noisy: boolean): [number, number] | null => {
        const rs = done.filter((r) => group(r) === g && r.noisy === noisy);
        return rs.length ? [rs.filter((r) => r.cueFired?.[cue] != null).length, rs.length] : null;
      };
      return { group: g, plain: count(false), noisy: count(true) };
    }),
  }));
}

export function formatCueDetection(cues: readonly CueRow[]): string {
  const c = (v: [number, number] | null) => (v ? `${v[0]}/${v[1]}` : '–');
  const out: string[] = [];
  for (const cue of cues) {
    out.push(`cue ${cue.cue} fired (alone, any time in the run)`, '', '| presentations | plain | camera noise |', '|---|---|---|');
    for (const r of cue.rows) out.push(`| ${r.group} | ${c(r.plain)} | ${c(r.noisy)} |`);
    out.push('');
  }
  return out.join('\n');
}
