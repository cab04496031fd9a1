import { describe, expect, it } from 'vitest';
import { poseFromMatrix } from './pose';

// Column-major 4x4 rotation about the vertical axis by `deg`.
function yawMatrix(deg: number): number[] {
  const a = (deg * Math.PI) / 180;
  return [Math.cos(a), 0, -Math.sin(a), 0, 0, 1, 0, 0, Math.sin(a), 0, Math.cos(a), 0, 0, 0, 0, 1];
}

describe('poseFromMatrix', () => {
  it('reads zero pose from the identity', () => {
    const p = poseFromMatrix([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(p.yaw).toBeCloseTo(0);
    expect(p.pitch).toBeCloseTo(0);
    expect(p.roll).toBeCloseTo(0);
  });
  it('reads yaw with the sign MediaPipe gives (m[8] positive = positive yaw)', () => {
    expect(poseFromMatrix(yawMatrix(12)).yaw).toBeCloseTo(12);
    expect(poseFromMatrix(yawMatrix(-7)).yaw).toBeCloseTo(-7);
  });
  it('reads roll about the camera axis', () => {
    const a = (10 * Math.PI) / 180;
    const m = [Math.cos(a), Math.sin(a), 0, 0, -Math.sin(a), Math.cos(a), 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    expect(poseFromMatrix(m).roll).toBeCloseTo(10);
  });
});
