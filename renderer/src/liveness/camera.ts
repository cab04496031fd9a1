// Opening the camera and naming its failures so the screen can say what to do.
export type CameraError = 'noCamera' | 'cameraBusy' | 'permissionDenied' | 'unsupported' | 'allowedMissing' | 'unknown';

export class CameraFailure extends Error {
  constructor(readonly code: CameraError, cause: unknown) {
    super(code, { cause });
  }
}

export function classifyCameraError(err: unknown): CameraError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'cameraBusy';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'permissionDenied';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/** Opens a camera: the given device, or the default (user-facing) one. */
export async function openCamera(deviceId?: string): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraFailure('unsupported', null);
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        width: { ideal: 640 },
        height: { ideal: 480 },
        frameRate: { ideal: 30 },
        ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'user' }),
      },
    });
  } catch (err) {
    throw new CameraFailure(classifyCameraError(err), err);
  }
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
