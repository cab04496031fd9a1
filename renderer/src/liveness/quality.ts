// Per-frame portrait quality checks. Measure names follow ISO/IEC 29794-5 / OFIQ where one fits.
// Thresholds are for a 640x480 kiosk camera; see docs/portrait.md for the reasoning.
import type { FrameObservation } from './types';
import { cropMargins } from './crop';
import { dist } from './pose';
import { occlusionScore } from './occlusion';

export type CheckId = 'singleFace' | 'faceSize' | 'centred' | 'pose' | 'eyesOpen' | 'mouthClosed' | 'occlusion' | 'lighting' | 'sharpness';

/** i18n keys under `portrait:hint.*` */
export type HintKey =
  | 'noFace' | 'manyFaces' | 'moveCloser' | 'moveBack' | 'centre' | 'lookStraight' | 'openEyes' | 'closeMouth'
  | 'uncover' | 'tooDark' | 'tooBright' | 'unevenLight' | 'holdStill';

export interface Measure {
  /** ISO/IEC 29794-5 / OFIQ measure name. */
  name: string;
  value: number;
}

export interface QualityCheck {
  id: CheckId;
  ok: boolean;
  hint: HintKey | null;
  measures: Measure[];
}

export const THRESHOLDS = {
  iedMin: 56,
  iedMax: 120,
  maxOverSide: 0.02,
  /** The token layout leaves generous headroom above the crown; a little may be padded. */
  maxOverTop: 0.1,
  /** The shoulders may run off the bottom of a 4:3 frame; the portrait pads them. */
  maxOverBottom: 0.25,
  crownMinY: 0.04,
  chinMaxY: 0.92,
  yaw: 5,
  pitch: 5,
  roll: 8,
  blinkMax: 0.4,
  jawOpenMax: 0.12,
  lipGapMax: 0.12,
  occlusionMax: 0.5,
  lumMin: 70,
  lumMax: 200,
  uniformityMin: 0.72,
  clipMax: 0.04,
  sharpnessMin: 20,
} as const;

const CHECK_ORDER: CheckId[] = ['singleFace', 'faceSize', 'centred', 'pose', 'eyesOpen', 'mouthClosed', 'occlusion', 'lighting', 'sharpness'];

export function checkOrder(): readonly CheckId[] {
  return CHECK_ORDER;
}

export function assessQuality(f: FrameObservation): QualityCheck[] {
  const single: QualityCheck = {
    id: 'singleFace',
    ok: f.faceCount === 1,
    hint: f.faceCount === 0 ? 'noFace' : f.faceCount > 1 ? 'manyFaces' : null,
    measures: [{ name: 'SingleFacePresent', value: f.faceCount }],
  };
  const face = f.face;
  if (!face) {
    return [single, ...CHECK_ORDER.slice(1).map((id): QualityCheck => ({ id, ok: false, hint: null, measures: [] }))];
  }
  const t = THRESHOLDS;
  const ied = dist(face.eyeLeft, face.eyeRight);
  const m = cropMargins(face, f.width, f.height);
  const s = face.stats;
  const blink = Math.max(face.blinkL, face.blinkR);
  const uniformity = Math.min(s.lumLeft, s.lumRight) / Math.max(1, s.lumLeft, s.lumRight);
  const occ = occlusionScore(face);
  const centredOk =
    m.overLeft <= t.maxOverSide && m.overRight <= t.maxOverSide && m.overTop <= t.maxOverTop &&
    m.overBottom <= t.maxOverBottom && m.crownY >= t.crownMinY && m.chinY <= t.chinMaxY;
  const lightHint = s.lumMean < t.lumMin || s.clipLow > t.clipMax ? 'tooDark'
    : s.lumMean > t.lumMax || s.clipHigh > t.clipMax ? 'tooBright'
    : uniformity < t.uniformityMin ? 'unevenLight' : null;
  const checks: QualityCheck[] = [
    single,
    {
      id: 'faceSize',
      ok: ied >= t.iedMin && ied <= t.iedMax,
      hint: ied < t.iedMin ? 'moveCloser' : ied > t.iedMax ? 'moveBack' : null,
      measures: [{ name: 'InterEyeDistance', value: round(ied) }, { name: 'HeadSize', value: round(m.chinY - m.crownY, 3) }],
    },
    {
      id: 'centred',
      ok: centredOk,
      hint: centredOk ? null : 'centre',
      measures: [
        { name: 'LeftwardCropOfTheFaceImage', value: round(m.overLeft, 3) },
        { name: 'RightwardCropOfTheFaceImage', value: round(m.overRight, 3) },
        { name: 'MarginAboveOfTheFaceImage', value: round(m.crownY, 3) },
        { name: 'MarginBelowOfTheFaceImage', value: round(1 - m.chinY, 3) },
      ],
    },
    {
      id: 'pose',
      ok: Math.abs(face.yaw) <= t.yaw && Math.abs(face.pitch) <= t.pitch && Math.abs(face.roll) <= t.roll,
      hint: 'lookStraight',
      measures: [
        { name: 'HeadPoseYaw', value: round(face.yaw, 1) },
        { name: 'HeadPosePitch', value: round(face.pitch, 1) },
        { name: 'HeadPoseRoll', value: round(face.roll, 1) },
      ],
    },
    { id: 'eyesOpen', ok: blink <= t.blinkMax, hint: 'openEyes', measures: [{ name: 'EyesOpen', value: round(1 - blink, 3) }] },
    {
      id: 'mouthClosed',
      ok: face.jawOpen <= t.jawOpenMax && face.lipGap <= t.lipGapMax,
      hint: 'closeMouth',
      measures: [{ name: 'MouthClosed', value: round(1 - Math.max(face.jawOpen, face.lipGap), 3) }],
    },
    { id: 'occlusion', ok: occ <= t.occlusionMax, hint: 'uncover', measures: [{ name: 'FaceOcclusionPrevention', value: round(1 - occ, 3) }] },
    {
      id: 'lighting',
      ok: lightHint === null,
      hint: lightHint,
      measures: [
        { name: 'LuminanceMean', value: round(s.lumMean, 1) },
        { name: 'IlluminationUniformity', value: round(uniformity, 3) },
        { name: 'UnderExposurePrevention', value: round(1 - s.clipLow, 3) },
        { name: 'OverExposurePrevention', value: round(1 - s.clipHigh, 3) },
      ],
    },
    { id: 'sharpness', ok: s.laplacianVar >= t.sharpnessMin, hint: 'holdStill', measures: [{ name: 'Sharpness', value: round(s.laplacianVar, 1) }] },
  ];
  return checks.map((c) => ({ ...c, hint: c.ok ? null : c.hint }));
}

/** The first failing check's hint: the one thing to tell the citizen now. */
export function primaryHint(checks: readonly QualityCheck[]): HintKey | null {
  return checks.find((c) => !c.ok && c.hint !== null)?.hint ?? null;
}

export function round(v: number, digits = 0): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
