// Records one clip's observations through the real pipeline for the unit-test fixtures. On a loaded
// machine Chromium's fake camera skips frames, so a clip can be played `slow` times slower (setpts,
// the y4m at fps/slow, which must be a whole number: the fake camera rounds it) and the recorded times
// divided back: FaceLandmarker's output for a frame does not depend on the wall clock.
import { join } from 'node:path';
import { buildPadPage, PROJECT_ROOT, runPad, Y4M_CACHE } from './page';
import { serveStatic } from './serve';
import { toY4m } from './y4m';

export interface RecordedClip {
  file: string;
  ms: number;
  preFilter?: string;
  /** The clip's frame rate, and how many times slower to play it. */
  fps?: number;
  slow?: number;
  stillSeconds?: number;
}

/** The page's encoded observations (times in ms, divided back when slowed) and its frame-loop stats. */
export async function recordClip(url: string, faces: string, c: RecordedClip): Promise<{ recorded: [number, ...unknown[]][]; loop: { received: number; dropped: number; maxGapMs: number } }> {
  const slow = c.slow ?? 1;
  const preFilter = [c.preFilter, slow > 1 ? `setpts=${slow}*PTS` : undefined].filter(Boolean).join(',');
  const y4m = await toY4m(join(faces, c.file), Y4M_CACHE, {
    ...(preFilter ? { preFilter } : {}),
    ...(c.fps ? { fps: c.fps / slow, tag: `${c.fps}fps-slow${slow}` } : {}),
    ...(c.stillSeconds ? { stillSeconds: c.stillSeconds } : {}),
  });
  const r = await runPad(url, y4m, { seed: 1, maxMs: c.ms * slow, record: true, full: true });
  const recorded = r.recorded as [number, ...unknown[]][];
  if (slow > 1) for (const f of recorded) f[0] = Math.round(f[0] / slow);
  return { recorded, loop: r.loop };
}

type Recording = Awaited<ReturnType<typeof recordClip>>;

/**
 * The recorders' command line: `[faces-dir] [fixture name]`. Records every clip (or the one named)
 * on the PAD page and hands each recording to `write`.
 */
export async function recordEach<C extends RecordedClip & { name: string }>(clips: readonly C[], write: (c: C, r: Recording) => void): Promise<void> {
  const faces = process.argv[2] ?? `${PROJECT_ROOT}../shared/faces`;
  const only = process.argv[3];
  const srv = await serveStatic(await buildPadPage());
  try {
    for (const c of clips) if (!only || c.name === only) write(c, await recordClip(srv.url, faces, c));
  } finally {
    await srv.close();
  }
}
