// Compact liveness evidence for the dossier: a timeline sampled every ~100 ms plus events.
// Each sample row is [t_ms, yaw, pitch, blink, jawOpen, frameDiff, motion, checksOk].
export interface EvidenceEvent {
  t: number;
  type: 'face' | 'baseline' | 'challenge_start' | 'challenge_pass' | 'challenge_fail' | 'passive_reject' | 'capture' | 'verdict';
  detail?: string;
}

export type Verdict = { status: 'pending' } | { status: 'pass' } | { status: 'fail'; reason: string };

export interface LivenessEvidence {
  version: 1;
  seed: number;
  columns: readonly string[];
  samples: number[][];
  events: EvidenceEvent[];
  challenges: { kind: string; delayMs: number; reactionMs: number; timeoutMs: number }[];
  baseline: { yaw: number; pitch: number; blink: number; jaw: number } | null;
  verdict: Verdict;
  /** Frames the session analysed, their rate per second of camera time, and the longest gap between
   *  two of them (camera time, ms): on a slow or busy PC, what the liveness decision was made on. */
  analysis: { frames: number; fps: number; maxGapMs: number };
}

export const EVIDENCE_COLUMNS = ['t', 'yaw', 'pitch', 'blink', 'jawOpen', 'frameDiff', 'motion', 'checksOk'] as const;
const SAMPLE_EVERY_MS = 100;
const MAX_SAMPLES = 1200;

export class EvidenceRecorder {
  private samples: number[][] = [];
  private events: EvidenceEvent[] = [];
  private lastSample = -Infinity;
  private t0: number | null = null;
  private frames = 0;
  private first = NaN;
  private last = NaN;
  private maxGap = 0;

  constructor(private readonly seed: number) {}

  rel(t: number): number {
    this.t0 ??= t;
    return Math.round(t - this.t0);
  }

  /** Called with every analysed frame; keeps one row every SAMPLE_EVERY_MS. */
  sample(t: number, row: readonly number[]): void {
    if (this.frames++ === 0) this.first = t;
    else this.maxGap = Math.max(this.maxGap, t - this.last);
    this.last = t;
    if (t - this.lastSample < SAMPLE_EVERY_MS || this.samples.length >= MAX_SAMPLES) return;
    this.lastSample = t;
    this.samples.push([this.rel(t), ...row.map((v) => Math.round(v * 100) / 100)]);
  }

  event(t: number, type: EvidenceEvent['type'], detail?: string): void {
    this.events.push(detail === undefined ? { t: this.rel(t), type } : { t: this.rel(t), type, detail });
  }

  build(rest: Pick<LivenessEvidence, 'challenges' | 'baseline' | 'verdict'>): LivenessEvidence {
    const span = this.last - this.first;
    const fps = this.frames > 1 && span > 0 ? Math.round(((this.frames - 1) * 10000) / span) / 10 : 0;
    const analysis = { frames: this.frames, fps, maxGapMs: Math.round(this.maxGap) };
    return { version: 1, seed: this.seed, columns: EVIDENCE_COLUMNS, samples: this.samples, events: this.events, ...rest, analysis };
  }
}
