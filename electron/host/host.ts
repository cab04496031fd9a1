/**
 * The kiosk host: builds the services that own devices and data, and the one handler table both
 * shells register through `createDispatcher`. Never imports 'electron'.
 */
import { readFileSync } from 'node:fs';
import type { AppMode } from '../../shared/contract/index';
import { createDispatcher, type CallContext, type Dispatch, type HandlerTable } from './bridge/dispatch';
import type { KioskConfig } from './config';
import { DeviceService } from './devices/device-service';
import { PcscReaderSource } from './devices/pcsc-reader-source';
import type { ReaderSource } from './devices/reader-source';
import { SimulatedReaderSource } from './devices/simulated-reader-source';
import { EventHub } from './events';
import { deviceHandlers } from './handlers/device';
import { systemHandlers } from './handlers/system';
import type { HostContext } from './host-context';
import type { Logger } from './log';

export interface HostOptions {
  appVersion: string;
  config: KioskConfig;
  mode: AppMode;
  shell: 'electron' | 'browser';
  log: Logger;
  isTrustedSender: (ctx: CallContext) => boolean;
  /** Tests may inject a reader source; otherwise demo → simulated, live → pcscd. */
  readers?: ReaderSource;
}

export interface Host {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  readonly context: HostContext;
  close(): Promise<void>;
}

/** The version in package.json at the project root (the browser shell and CLIs run from source). */
export function packageVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

export function createHost(opts: HostOptions): Host {
  const hub = new EventHub(opts.log);
  const readers =
    opts.readers ?? (opts.mode === 'demo' ? new SimulatedReaderSource() : new PcscReaderSource(opts.log));
  const devices = new DeviceService(readers, hub, {
    preferredReader: opts.config.reader.preferred,
    cameraLabel: opts.config.camera.allowedLabel,
  });
  const context: HostContext = {
    appVersion: opts.appVersion,
    shell: opts.shell,
    mode: opts.mode,
    config: opts.config,
    startedAt: new Date().toISOString(),
    log: opts.log,
    hub,
    devices,
  };
  const handlers: HandlerTable = { ...systemHandlers(context), ...deviceHandlers(context) };
  const dispatch = createDispatcher({ handlers, isTrustedSender: opts.isTrustedSender, log: opts.log });
  opts.log.info('host.started', { mode: opts.mode, shell: opts.shell });
  return {
    dispatch,
    hub,
    context,
    close: () => devices.close(),
  };
}
