/**
 * The camera the host allows: the kiosk remembers one camera by its label (a station may have a
 * portrait camera and a document camera). With none chosen yet, the default camera is opened and
 * becomes the choice; a chosen camera that is not plugged in is said plainly, never replaced
 * silently by another one.
 */
import { CameraFailure, openCamera, stopStream } from './camera';

export interface CameraPolicyClient {
  allowedLabel(): Promise<string | null>;
  remember(label: string): Promise<void>;
}

async function findByLabel(label: string): Promise<string | null> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.find((d) => d.kind === 'videoinput' && d.label === label)?.deviceId ?? null;
}

export async function openAllowedCamera(policy: CameraPolicyClient): Promise<MediaStream> {
  const label = await policy.allowedLabel();
  if (!label) {
    const stream = await openCamera();
    const chosen = stream.getVideoTracks()[0]?.label;
    // Remembered in the background: the caller starts reading the camera at once, so a busy host
    // answering late neither delays the citizen's first moments nor shifts a recorded clip's timing.
    if (chosen) void policy.remember(chosen).catch((err: unknown) => console.warn('camera choice not remembered:', err));
    return stream;
  }
  let deviceId = await findByLabel(label).catch(() => null);
  if (!deviceId) {
    // Labels stay empty until camera permission is granted once: ask with the default camera.
    const probe = await openCamera();
    if (probe.getVideoTracks()[0]?.label === label) return probe;
    stopStream(probe);
    deviceId = await findByLabel(label).catch(() => null);
  }
  if (!deviceId) throw new CameraFailure('allowedMissing', label);
  return openCamera(deviceId);
}
