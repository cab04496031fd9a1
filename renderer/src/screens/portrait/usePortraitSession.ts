// Camera + face engine + liveness session, wired to React state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createFaceEngine, type FaceEngine } from '../../liveness/engine';
import { CameraFailure, openCamera, stopStream, type CameraError } from '../../liveness/camera';
import { runFrameLoop } from '../../liveness/loop';
import { LivenessSession, type SessionState } from '../../liveness/session';
import { renderPortrait } from '../../liveness/portraitImage';
import { cryptoSeed } from '../../liveness/rng';
import type { QualityCheck } from '../../liveness/quality';

export type Stage = { kind: 'starting' } | { kind: 'live' } | { kind: 'cameraError'; code: CameraError } | { kind: 'modelError' };

/** Failed liveness sessions allowed before the screen stops offering "start over": a replayed
 *  video passes only when its actions happen to match the random order, so retries must be few. */
export const MAX_FAILED_ATTEMPTS = 3;

export interface Capture {
  jpeg: Blob;
  url: string;
  checks: QualityCheck[];
  at: Date;
}

export function usePortraitSession(seed: number | undefined, open: () => Promise<MediaStream> = openCamera) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const sessionRef = useRef<LivenessSession | null>(null);
  // A promise, so overlapping mounts (React StrictMode) share one engine instead of racing.
  const engineRef = useRef<Promise<FaceEngine> | null>(null);
  const attemptRef = useRef(0);
  const [stage, setStage] = useState<Stage>({ kind: 'starting' });
  const [state, setState] = useState<SessionState | null>(null);
  const [capture, setCapture] = useState<Capture | null>(null);
  const [run, setRun] = useState(0);
  const [failures, setFailures] = useState(0);
  /** Attempts a supervisor allowed beyond MAX_FAILED_ATTEMPTS, one at a time. */
  const [granted, setGranted] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | null = null;
    let stopLoop: (() => void) | null = null;
    const start = async () => {
      setStage({ kind: 'starting' });
      let engine: FaceEngine;
      try {
        engineRef.current ??= createFaceEngine();
        engine = await engineRef.current;
      } catch {
        engineRef.current = null;
        if (!cancelled) setStage({ kind: 'modelError' });
        return;
      }
      try {
        stream = await open();
      } catch (err) {
        if (!cancelled) setStage({ kind: 'cameraError', code: err instanceof CameraFailure ? err.code : 'unknown' });
        return;
      }
      const video = videoRef.current;
      if (cancelled || !video) return stopStream(stream);
      video.srcObject = stream;
      const session = new LivenessSession(seed === undefined ? cryptoSeed() : seed + attemptRef.current);
      sessionRef.current = session;
      setStage({ kind: 'live' });
      let counted = false;
      stopLoop = runFrameLoop(video, engine, (obs) => {
        // A live camera: a prompt reaches the screen now, maybe well after its frame was captured
        // (a busy PC); the reaction window counts from now. A recorded clip cannot react to it.
        const s = session.push(obs, seed === undefined ? performance.now() : undefined);
        setState(s);
        if (s.verdict.status === 'fail' && !counted) {
          counted = true;
          setFailures((n) => n + 1);
        }
        if (s.captureNow && obs.face) {
          const face = obs.face;
          void engine.grab(obs.t).then(async (bitmap) => {
            if (!bitmap) return;
            if (cancelled) return bitmap.close();
            const jpeg = await renderPortrait(bitmap, face);
            bitmap.close();
            // A retake (or leaving) while the JPEG was being encoded: this portrait belongs to
            // the session that just ended, never to the next one.
            if (cancelled) return;
            setCapture((old) => {
              if (old) URL.revokeObjectURL(old.url);
              return { jpeg, url: URL.createObjectURL(jpeg), checks: s.checks, at: new Date() };
            });
          });
        }
        // A seed comes only from the tests and the training demo, whose camera is a recorded clip:
        // analyse every frame so the verdict does not depend on how busy the machine is.
      }, undefined, { keepEveryFrame: seed !== undefined });
      // The loop reads the camera's track from its first frame; the preview starts after it, so a
      // slow start of the video element (a busy PC) loses none of the citizen's first moments.
      await video.play().catch(() => undefined);
    };
    void start();
    return () => {
      cancelled = true;
      stopLoop?.();
      stopStream(stream);
    };
  }, [seed, run, open]);

  useEffect(
    () => () => {
      void engineRef.current?.then((e) => e.close()).catch(() => undefined);
      engineRef.current = null;
    },
    [],
  );

  /** A new session with new challenges: after a failed verdict, a camera error, or a retake (so the
   *  portrait and the liveness evidence always come from one continuous presence). */
  const restart = useCallback(() => {
    attemptRef.current++;
    setCapture((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return null;
    });
    setState(null);
    setRun((r) => r + 1);
  }, []);
  const evidence = useCallback(() => sessionRef.current?.evidenceJson() ?? null, []);
  /** A supervisor allowed one more attempt: it starts at once. */
  const grantAttempt = useCallback(() => {
    setGranted((g) => g + 1);
    restart();
  }, [restart]);

  return { videoRef, stage, state, capture, restart, grantAttempt, evidence, attemptsLeft: MAX_FAILED_ATTEMPTS + granted - failures, attempts: failures + 1 };
}
