// Synthetic "does every action in a loop" recordings for the replay simulation, built from real
// movements cut out of the recorded fixtures: the strongest fixed recording of one person an attacker
// can make against a challenge vocabulary (every action, over and over, in some order and rhythm).
import type { FaceObservation, FrameObservation } from './types';
import type { ChallengeKind } from './challenges';

/** One movement as recorded: signals relative to the segment's first frame (head) or absolute (eyes, jaw). */
export interface ActionSegment {
  kind: ChallengeKind;
  /** [dt ms, dyaw, dpitch, blink, jawOpen] */
  samples: [number, number, number, number, number][];
}

/** Cuts [fromMs, toMs] out of a recorded sequence as an action segment. `mirror` plays it forward then
 *  backward (a movement recorded only on its way out); `flipPitch` mirrors a look up into a look down. */
export function segment(kind: ChallengeKind, frames: readonly FrameObservation[], fromMs: number, toMs: number, opts: { mirror?: boolean; flipPitch?: boolean } = {}): ActionSegment {
  const t0 = frames[0]?.t ?? 0;
  const cut = frames.filter((f) => f.face && f.t - t0 >= fromMs && f.t - t0 <= toMs);
  const first = cut[0]?.face;
  if (!first) throw new Error(`no face in ${fromMs}-${toMs}`);
  const sign = opts.flipPitch ? -1 : 1;
  let samples = cut.map((f): [number, number, number, number, number] => {
    const x = f.face as FaceObservation;
    return [f.t - (cut[0]?.t ?? 0), x.yaw - first.yaw, sign * (x.pitch - first.pitch), (x.blinkL + x.blinkR) / 2, x.jawOpen];
  });
  if (opts.mirror) {
    const end = samples[samples.length - 1]?.[0] ?? 0;
    samples = [...samples, ...[...samples].reverse().slice(1).map((s): [number, number, number, number, number] => [2 * end - s[0], s[1], s[2], s[3], s[4]])];
  }
  return { kind, samples };
}

export interface LoopOptions {
  /** Rest between two movements, ms. */
  gapMs: number;
  /** Playback speed of each movement (1 = as recorded, 1.5 = faster). */
  speed: number;
  fps: number;
  lengthMs: number;
  /** Start this far into the loop (the attacker's choice of when to present it). */
  phaseMs: number;
}

/** Frames of a person doing `order` (segments by kind) again and again, on a `rest` face. */
export function actionLoop(rest: FaceObservation, segments: ReadonlyMap<ChallengeKind, ActionSegment>, order: readonly ChallengeKind[], o: LoopOptions): FrameObservation[] {
  // The timeline of one lap: [start, segment] per movement.
  const lap: [number, ActionSegment][] = [];
  let t = 0;
  for (const k of order) {
    const s = segments.get(k);
    if (!s) throw new Error(`no segment for ${k}`);
    lap.push([t, s]);
    t += (s.samples[s.samples.length - 1]?.[0] ?? 0) / o.speed + o.gapMs;
  }
  const lapMs = t;
  const frames: FrameObservation[] = [];
  for (let i = 0, ft = 0; ft <= o.lengthMs; i++, ft = (i * 1000) / o.fps) {
    const lt = (ft + o.phaseMs) % lapMs;
    let face: FaceObservation = { ...rest, yaw: rest.yaw + Math.sin(ft / 397) * 0.7, pitch: rest.pitch + Math.sin(ft / 521) * 0.5 };
    for (const [start, s] of lap) {
      const x = (lt - start) * o.speed;
      const last = s.samples[s.samples.length - 1];
      if (x < 0 || !last || x > last[0]) continue;
      const smp = s.samples.find((p) => p[0] >= x) ?? last;
      face = { ...face, yaw: face.yaw + smp[1], pitch: face.pitch + smp[2], blinkL: smp[3], blinkR: smp[3], jawOpen: smp[4] };
    }
    frames.push({ t: ft, width: 640, height: 480, faceCount: 1, face, frameDiff: 2, signature: `l${i}`, inferMs: 0 });
  }
  return frames;
}
