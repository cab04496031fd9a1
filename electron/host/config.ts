/**
 * Kiosk configuration: a JSON file the administrator edits (path from KIOSK_CONFIG, else
 * <dataDir>/config.json), with a few environment overrides for tests and the demo. Every field
 * is validated; an invalid file stops start-up with a message naming the field.
 */
import { readFileSync, existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';

export const configSchema = z.object({
  /** Shown in the header; null until the administrator names the station. */
  stationName: z.string().min(1).max(120).nullable().default(null),
  dataDir: z.string().min(1),
  language: z.enum(['vi', 'en']).default('vi'),
  kiosk: z.boolean().default(false),
  upstream: z
    .object({
      url: z.string().url().refine((u) => u.startsWith('https://'), 'upstream must use https'),
      caFile: z.string().optional(),
      /** Longest any one upstream request may take, connect to last byte (default 120 s). */
      deadlineSeconds: z.number().int().min(5).max(3600).optional(),
      /** Packets larger than this go in pieces through resumable uploads (default 256 KiB; docs/sync.md). */
      resumableAboveBytes: z.number().int().min(0).max(64 * 1024 * 1024).optional(),
    })
    .nullable()
    .default(null),
  reader: z.object({ preferred: z.string().max(200).nullable().default(null) }).default({ preferred: null }),
  camera: z.object({ allowedLabel: z.string().max(200).nullable().default(null) }).default({ allowedLabel: null }),
});
export type KioskConfig = z.infer<typeof configSchema>;

export function defaultDataDir(): string {
  return process.env.KIOSK_DATA_DIR ?? join(homedir(), '.local', 'share', 'eid-kiosk');
}

/**
 * Demo / training mode keeps everything it writes in a folder of its own, named as such, beside
 * the live one: simulated citizens must never sit among real dossiers.
 */
export function demoDataDir(liveDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.KIOSK_DEMO_DATA_DIR || `${resolve(liveDataDir)}-DEMO-training`);
}

export class ConfigError extends Error {}

/** The real path, following links, of a folder that may not exist yet (its nearest existing parent). */
function realFolder(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realFolder(parent), basename(abs));
  }
}

/** True when one folder is the other or holds it (after following links). */
function overlaps(a: string, b: string): boolean {
  const [x, y] = [realFolder(a), realFolder(b)];
  const inside = (outer: string, inner: string) => {
    const r = relative(outer, inner);
    return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
  };
  return inside(x, y) || inside(y, x);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { demo?: boolean } = {}): KioskConfig {
  const liveDir = resolve(env.KIOSK_DATA_DIR ?? defaultDataDir());
  // The administrator's settings are read from the live folder in both modes (read only).
  const file = env.KIOSK_CONFIG ?? join(liveDir, 'config.json');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`Config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  const merged: Record<string, unknown> = { dataDir: liveDir, ...raw };
  if (opts.demo) {
    const live = typeof raw.dataDir === 'string' ? raw.dataDir : liveDir;
    const demo = demoDataDir(live, env);
    // Simulated citizens never among real dossiers: not in the live folder, nor one folder in the other.
    if (overlaps(demo, live)) {
      throw new ConfigError(`The demo data folder ${demo} is, holds or lies in the live data folder ${resolve(live)}: set KIOSK_DEMO_DATA_DIR to a folder of its own`);
    }
    merged.dataDir = demo;
  }
  if (env.KIOSK_UPSTREAM_URL) merged.upstream = { url: env.KIOSK_UPSTREAM_URL, caFile: env.KIOSK_UPSTREAM_CA };
  if (env.KIOSK_LANGUAGE) merged.language = env.KIOSK_LANGUAGE;
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`Config ${file}: ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return parsed.data;
}
