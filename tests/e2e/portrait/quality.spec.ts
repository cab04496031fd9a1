// Portrait quality guidance on real faces through the fake camera.
import { test, expect } from '@playwright/test';
import jpeg from 'jpeg-js';
import { closeAll, facesAvailable, padRun } from './support';

test.skip(!facesAvailable(), 'shared face media not present (set FACES_DIR)');
test.afterAll(closeAll);

test('a small face asks the citizen to move closer', async () => {
  const photo = await padRun('photos/obama.jpg', 1);
  expect(photo.hints).toContain('moveCloser');
  // A live (moving) face far from the camera: the genuine clip shrunk to 40 %.
  const far = await padRun('video/liveportrait_d12.mp4', 1, { shrink: 0.4, tag: 'far', maxMs: 3000 });
  expect(far.hints).toContain('moveCloser');
  expect(far.failedChecks).toContain('faceSize');
});

test('a turned head fails the pose check; a frontal head passes it', async () => {
  // The pose check is made on every frame, whatever the challenges decide: observe the whole 6 s
  // (the liveness session may end early, e.g. the clip turns its head before a prompt).
  const r = await padRun('video/WDA_KatieHill_000.mp4', 1, { maxMs: 6000, full: true });
  const turned = r.pose.filter(([yaw = 0]) => Math.abs(yaw) > 8);
  const frontal = r.pose.filter(([yaw = 0, pitch = 0, roll = 0]) => Math.abs(yaw) < 4 && Math.abs(pitch) < 4 && Math.abs(roll) < 7);
  expect(turned.length).toBeGreaterThan(0);
  expect(turned.every(([, , , ok]) => ok === 0)).toBe(true);
  expect(frontal.length).toBeGreaterThan(0);
  expect(frontal.every(([, , , ok]) => ok === 1)).toBe(true);
});

test('renders a 480x640 ICAO token portrait JPEG of the face', async () => {
  const r = await padRun('photos/biden2.jpg', 1, { portrait: true, maxMs: 3000 });
  expect(r.portrait?.type).toBe('image/jpeg');
  const bytes = Buffer.from((r.portrait?.dataUrl ?? '').split(',')[1] ?? '', 'base64');
  const img = jpeg.decode(bytes);
  expect([img.width, img.height]).toEqual([480, 640]);
  // The face is centred: the middle of the eye line (row 288) is skin-bright, not the dark suit or the pad.
  const at = (x: number, y: number) => img.data[(y * img.width + x) * 4] ?? 0;
  expect(at(240, 330)).toBeGreaterThan(90);
});
