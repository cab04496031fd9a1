/**
 * Which camera the kiosk uses, chosen once and remembered across restarts (a station may have a
 * document camera and a portrait camera). Stored as a small JSON file written atomically; the
 * config file's `camera.allowedLabel` is the starting value when nothing was chosen yet.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';

const stateSchema = z.object({ allowedLabel: z.string().min(1).max(200).nullable() });

export class CameraPolicy {
  private label: string | null;

  /** `dataDir` null: remember in memory only (demo / training mode). */
  constructor(
    private readonly dataDir: string | null,
    configured: string | null,
    private readonly log: Logger,
  ) {
    const saved = this.load();
    // null saved = the choice was forgotten on purpose; undefined = nothing saved yet.
    this.label = saved === undefined ? configured : saved;
  }

  private get file(): string | null {
    return this.dataDir ? join(this.dataDir, 'state', 'camera.json') : null;
  }

  private load(): string | null | undefined {
    if (!this.file) return undefined;
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data.allowedLabel;
      this.log.warn('camera.state_invalid', {});
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') this.log.warn('camera.state_unreadable', { error: e });
    }
    return undefined;
  }

  get allowedLabel(): string | null {
    return this.label;
  }

  set(label: string | null): void {
    this.label = label;
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ allowedLabel: label }), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
