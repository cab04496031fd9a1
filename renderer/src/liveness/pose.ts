// Head pose from MediaPipe's 4x4 facial transformation matrix (column-major, 16 numbers).
// Conventions checked against recorded clips: positive yaw = nose towards the image's right,
// which is the subject's LEFT in the unmirrored camera frame.
const DEG = 180 / Math.PI;

export interface Pose {
  yaw: number;
  pitch: number;
  roll: number;
}

export function poseFromMatrix(m: ArrayLike<number>): Pose {
  const m0 = m[0] ?? 1;
  const m1 = m[1] ?? 0;
  const m8 = m[8] ?? 0;
  const m9 = m[9] ?? 0;
  const m10 = m[10] ?? 1;
  return {
    yaw: Math.atan2(m8, m10) * DEG,
    pitch: Math.atan2(-m9, Math.hypot(m8, m10)) * DEG,
    roll: Math.atan2(m1, m0) * DEG,
  };
}

export function dist(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
