import type { AppMode } from '../../shared/contract/index';
import type { KioskConfig } from './config';
import type { DeviceService } from './devices/device-service';
import type { EventHub } from './events';
import type { Logger } from './log';

/** Everything a handler may use. Built once by `createHost`. */
export interface HostContext {
  readonly appVersion: string;
  readonly shell: 'electron' | 'browser';
  readonly mode: AppMode;
  readonly config: KioskConfig;
  readonly startedAt: string;
  readonly log: Logger;
  readonly hub: EventHub;
  readonly devices: DeviceService;
}
