import type { DeviceStatus } from '../../../shared/contract/index';
import type { EventHub } from '../events';
import type { ReaderSource } from './reader-source';

/** Owns the device picture the renderer sees and pushes `device.changed` on every change. */
export class DeviceService {
  private cameraLabel: string | null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly readers: ReaderSource,
    private readonly hub: EventHub,
    opts: { preferredReader: string | null; cameraLabel: string | null },
  ) {
    this.preferred = opts.preferredReader;
    this.cameraLabel = opts.cameraLabel;
    this.unsubscribe = readers.onChange(() => this.hub.emit('device.changed', this.status()));
  }
  private readonly preferred: string | null;

  status(): DeviceStatus {
    const snap = this.readers.snapshot();
    const withCard = snap.readers.find((r) => r.cardPresent);
    const preferred = snap.readers.find((r) => r.name === this.preferred);
    const active = withCard ?? preferred ?? snap.readers[0] ?? null;
    return {
      cardService: snap.service,
      readers: snap.readers,
      activeReader: active ? active.name : null,
      camera: { allowedDeviceLabel: this.cameraLabel },
      updatedAt: new Date().toISOString(),
    };
  }

  setCamera(label: string | null): void {
    this.cameraLabel = label;
    this.hub.emit('device.changed', this.status());
  }

  close(): void {
    this.unsubscribe();
  }
}
