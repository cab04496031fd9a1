// Which media are bona fide presentations and which are attacks (ISO/IEC 30107-3 vocabulary).
// Either a labels.json (see docs/pad-eval.md) or the folder convention:
//   bona_fide/<file>             bona fide presentations
//   attack/<type>/<file>         attack presentations of PAI species <type>
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';

/** Challenge actions as the planner names them (renderer/src/liveness/challenges.ts CHALLENGE_KINDS;
 *  the PAD page checks the names again against the planner itself). */
export const ACTIONS = ['blink', 'turnLeft', 'turnRight', 'lookUp', 'lookDown', 'openMouth'] as const;

const Entry = z.object({
  file: z.string().min(1),
  label: z.enum(['bona_fide', 'attack']),
  /** PAI species, for attacks: photo_still, print_still, looped_still, video_replay, ... */
  type: z.string().min(1).optional(),
  /** Fixed challenge seeds (a bona fide clip must be paired with the order its subject performs). */
  seeds: z.array(z.number().int().nonnegative()).optional(),
  /** What the recorded subject does, in order: the harness finds a seed whose plan is exactly these
   *  actions and whose timing the clip satisfies (by simulation over the clip's recorded landmarks).
   *  Wins over `seeds`. */
  actions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length)
    .refine((a) => new Set(a).size === a.length, 'an action appears twice: a plan never repeats one').optional(),
  /** Runs per entry; with no `seeds`, each run draws a fresh seed. */
  repeat: z.number().int().positive().optional(),
  stillSeconds: z.number().positive().optional(),
  shrink: z.number().positive().max(1).optional(),
  /** Temporal noise strength (ffmpeg noise filter, 1-100): a still that looks like a live sensor. */
  noise: z.number().int().min(1).max(100).optional(),
  maxMs: z.number().positive().optional(),
  /** Frame rate the fake camera delivers (the y4m's rate, default 30): 15 or 10 for a slow camera. */
  fps: z.number().positive().max(60).optional(),
  note: z.string().optional(),
});
const LabelsFile = z.object({ presentations: z.array(Entry).min(1) });

export type LabelEntry = z.infer<typeof Entry>;

/**
 * The challenge seeds of an entry's runs. `actions` (with the seed found for them) wins over `seeds`;
 * without either, fresh reproducible seeds per entry: the order and pauses an attacker cannot predict.
 */
export function seedsFor(e: LabelEntry, index: number, base: number, actionSeed?: number): number[] {
  if (e.actions) {
    if (actionSeed === undefined) throw new Error(`${e.file}: no seed found yet for actions ${e.actions.join(', ')}`);
    return Array.from({ length: e.repeat ?? 1 }, () => actionSeed);
  }
  if (e.seeds) return Array.from({ length: e.repeat ?? e.seeds.length }, (_, i) => e.seeds?.[i % e.seeds.length] ?? 0);
  return Array.from({ length: e.repeat ?? 1 }, (_, i) => (base + index * 1009 + i * 7919) >>> 0);
}

export function parseLabels(json: unknown): LabelEntry[] {
  const parsed = LabelsFile.parse(json);
  for (const e of parsed.presentations) {
    if (e.label === 'attack' && !e.type) throw new Error(`${e.file}: an attack needs a "type" (PAI species)`);
  }
  return parsed.presentations;
}

const MEDIA = /\.(mp4|mov|mkv|webm|avi|y4m|jpe?g|png|bmp|webp)$/i;

export function labelsFromFolders(root: string): LabelEntry[] {
  const out: LabelEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (MEDIA.test(name)) {
        const parts = relative(root, p).split(sep);
        if (parts[0] === 'bona_fide') out.push({ file: parts.join('/'), label: 'bona_fide' });
        else if (parts[0] === 'attack' && parts.length >= 3) out.push({ file: parts.join('/'), label: 'attack', type: parts[1] });
      }
    }
  };
  walk(root);
  return out;
}

export function loadLabels(folder: string, labelsPath?: string): LabelEntry[] {
  const path = labelsPath ?? join(folder, 'labels.json');
  if (existsSync(path)) return parseLabels(JSON.parse(readFileSync(path, 'utf8')));
  if (labelsPath) throw new Error(`labels file not found: ${labelsPath}`);
  const found = labelsFromFolders(folder);
  if (found.length === 0) throw new Error(`no labels.json in ${folder} and no bona_fide/ or attack/<type>/ folders`);
  return found;
}
