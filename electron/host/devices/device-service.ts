import type { DeviceStatus } from '../../../shared/contract/index';
import type { EventHub } from '../events';
import type { CameraPolicy } from './camera-policy';
import type { ReaderSource } from './reader-source';

/** Owns the device picture the renderer sees and pushes `device.changed` on every change. */
export class DeviceService {
  private readonly unsubscribe: () => void;
  private readonly preferred: string | null;

  constructor(
    private readonly readers: ReaderSource,
    private readonly hub: EventHub,
    private readonly camera: CameraPolicy,
    opts: { preferredReader: string | null },
  ) {
    this.preferred = opts.preferredReader;
    this.unsubscribe = readers.onChange(() => this.hub.emit('device.changed', this.status()));
  }

  status(): DeviceStatus {
    const snap = this.readers.snapshot();
    const withCard = snap.readers.find((r) => r.cardPresent);
    const preferred = snap.readers.find((r) => r.name === this.preferred);
    const active = withCard ?? preferred ?? snap.readers[0] ?? null;
    return {
      cardService: snap.service,
      readers: snap.readers,
      activeReader: active ? active.name : null,
      camera: { allowedDeviceLabel: this.camera.allowedLabel },
      updatedAt: new Date().toISOString(),
    };
  }

  /** Remembers which camera the kiosk uses (null: ask again) and tells the renderer. */
  setCamera(label: string | null): DeviceStatus {
    this.camera.set(label);
    const status = this.status();
    this.hub.emit('device.changed', status);
    return status;
  }

  close(): void {
    this.unsubscribe();
  }
}
