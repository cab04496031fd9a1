import type { AppMode } from '../../shared/contract/index';
import type { AuthService } from './auth/auth-service';
import type { CardService } from './card/card-service';
import type { KioskConfig } from './config';
import type { DeviceService } from './devices/device-service';
import type { EventHub } from './events';
import type { Logger } from './log';
import type { DemoCards } from './sim/demo-cards';
import type { SyncService } from './sync/service';
import type { TrustService } from './trust/trust-service';

/** Everything a handler may use. Built once by `createHost`. */
export interface HostContext {
  readonly appVersion: string;
  readonly shell: 'electron' | 'browser';
  readonly mode: AppMode;
  readonly config: KioskConfig;
  /** True when the configuration file names the station (the kiosk's own rename is then refused). */
  readonly configStationName: boolean;
  readonly startedAt: string;
  readonly log: Logger;
  readonly hub: EventHub;
  readonly devices: DeviceService;
  readonly card: CardService;
  /** Present only in demo / training mode. */
  readonly demo: DemoCards | null;
  readonly trust: TrustService;
  /** The store, the signed-in officer, the idle lock. */
  readonly auth: AuthService;
  /** Upstream sync: enrolment, the outbox worker, the status poll. */
  readonly sync: SyncService;
}
