/**
 * The kiosk host: builds the services that own devices and data, and the one handler table both
 * shells register through `createDispatcher`. Never imports 'electron'.
 */
import { readFileSync } from 'node:fs';
import type { AppMode } from '../../shared/contract/index';
import { createDispatcher, type CallContext, type Dispatch, type HandlerTable } from './bridge/dispatch';
import { CardService } from './card/card-service';
import { PcscReaderWatcher } from './card/transport/pcsc-transport';
import type { ReaderWatcher } from './card/transport/transport';
import type { KioskConfig } from './config';
import { readStationName } from './station-name';
import { CameraPolicy } from './devices/camera-policy';
import { DeviceService } from './devices/device-service';
import { watcherSource, type ReaderSource } from './devices/reader-source';
import { EventHub } from './events';
import { AuthService } from './auth/auth-service';
import { ensureTrainingStore, TRAINING_ACCOUNTS, TRAINING_PASSPHRASE, TRAINING_PASSWORD } from './auth/training';
import { authHandlers } from './handlers/auth';
import { dossierHandlers } from './handlers/dossier';
import { faceHandlers } from './handlers/face';
import { preloadFaceModel } from './face/model';
import { settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';
import { SyncService } from './sync/service';
import { coalesce } from './sync/coalesce';
import { driveHandlers } from './handlers/drives';
import { reportHandlers } from './handlers/reports';
import { cardHandlers } from './handlers/card';
import { demoHandlers } from './handlers/demo';
import { deviceHandlers } from './handlers/device';
import { systemHandlers } from './handlers/system';
import { trustHandlers } from './handlers/trust';
import type { HostContext } from './host-context';
import type { Logger } from './log';
import { DemoCards } from './sim/demo-cards';
import { TrustService } from './trust/trust-service';
import type { KeySealer } from './store/key-file';
import type { LockReason } from './auth/session';

export interface HostOptions {
  appVersion: string;
  config: KioskConfig;
  mode: AppMode;
  shell: 'electron' | 'browser';
  log: Logger;
  isTrustedSender: (ctx: CallContext) => boolean;
  /** The OS keystore when the shell has a real one (Electron safeStorage, never basic_text). */
  sealer?: KeySealer | null;
  /** Idle lock; default 5 minutes. */
  idleMs?: number;
  /**
   * Load the face model in its worker thread as the host starts, without waiting for it, so the
   * first comparison does not pay the 3–7 s load (the shells set it; tests' hosts load on first use).
   */
  preloadFaceModel?: boolean;
}

export interface Host {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  readonly context: HostContext;
  /** The OS says the machine suspends or its screen locks: the session ends as on the idle lock. */
  lockNow(reason: LockReason): void;
  close(): Promise<void>;
}

/** The version in package.json at the project root (the browser shell and CLIs run from source). */
export function packageVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string };
  return pkg.version;
}

async function readers(opts: HostOptions): Promise<{ watcher: ReaderWatcher; source: ReaderSource; demo: DemoCards | null }> {
  if (opts.mode === 'demo') {
    const demo = new DemoCards();
    await demo.set({ present: true });
    return { watcher: demo.watcher, source: watcherSource(demo.watcher, { simulated: true }), demo };
  }
  const pcsc = await PcscReaderWatcher.start();
  return { watcher: pcsc, source: watcherSource(pcsc, { simulated: false, serviceAvailable: () => pcsc.serviceAvailable }), demo: null };
}

export async function createHost(opts: HostOptions): Promise<Host> {
  const hub = new EventHub(opts.log);
  // A name in the configuration file wins; otherwise the one the administrator gave on this kiosk.
  const configStationName = opts.config.stationName !== null;
  if (!configStationName) opts.config.stationName = readStationName(opts.config.dataDir);
  const { watcher, source, demo } = await readers(opts);
  // Demo / training mode never touches the real trust store: its synthetic CSCA lives in memory.
  const trust = await TrustService.open(demo ? null : opts.config.dataDir, opts.log);
  if (demo) trust.anchors.add(DemoCards.cscaDer(), 'demo');
  const camera = new CameraPolicy(demo ? null : opts.config.dataDir, opts.config.camera.allowedLabel, opts.log);
  const devices = new DeviceService(source, hub, camera, { preferredReader: opts.config.reader.preferred });
  if (demo) await ensureTrainingStore(opts.config.dataDir);
  const auth = new AuthService({
    dataDir: opts.config.dataDir,
    hub,
    log: opts.log,
    idleMs: opts.idleMs,
    sealer: demo ? null : opts.sealer,
    training: demo ? { accounts: TRAINING_ACCOUNTS.map(({ username, role }) => ({ username, role })), password: TRAINING_PASSWORD } : null,
  });
  if (demo) await auth.unlock(TRAINING_PASSPHRASE);
  else await auth.autoUnlock();
  // Sync runs while the store is open (and the kiosk enrolled); it follows every unlock.
  // The screens reload their sync views on each tell: at most one every 250 ms (progress of eight uploads, results), the last always told.
  const sync = new SyncService({ config: opts.config, appVersion: opts.appVersion, log: opts.log, onChange: coalesce(() => hub.emit('sync.changed', { at: new Date().toISOString() }), 250) });
  const attachSync = () => {
    if (auth.status().store === 'open') sync.attach(auth.db);
  };
  hub.subscribe((name) => {
    if (name === 'auth.changed') attachSync();
  });
  attachSync();
  const card = new CardService({ watcher, trustStore: () => trust.current(), hub, log: opts.log, preferredReader: opts.config.reader.preferred });
  // A read's raw chip files belong to the session that made it: a sign-in, sign-out or lock drops them.
  hub.subscribe((name) => {
    if (name === 'auth.changed') card.forgetRawFiles();
  });
  const context: HostContext = {
    appVersion: opts.appVersion,
    shell: opts.shell,
    mode: opts.mode,
    config: opts.config,
    configStationName,
    startedAt: new Date().toISOString(),
    log: opts.log,
    hub,
    devices,
    card,
    demo,
    trust,
    auth,
    sync,
  };
  const handlers: HandlerTable = {
    ...systemHandlers(context),
    ...deviceHandlers(context),
    ...cardHandlers(context),
    ...demoHandlers(context),
    ...trustHandlers(context),
    ...authHandlers(context),
    ...dossierHandlers(context),
    ...faceHandlers(context),
    ...settingsHandlers(context),
    ...syncHandlers(context),
    ...driveHandlers(context),
    ...reportHandlers(context),
  };
  const dispatch = createDispatcher({ handlers, isTrustedSender: opts.isTrustedSender, log: opts.log, authorize: (access) => auth.authorize(access) });
  opts.log.info('host.started', { mode: opts.mode, shell: opts.shell, trustAnchors: trust.anchors.size });
  if (opts.preloadFaceModel) preloadFaceModel(opts.log);
  return {
    dispatch,
    hub,
    context,
    lockNow: (reason) => auth.lockNow(reason),
    close: async () => {
      devices.close();
      await sync.detach();
      auth.close();
      await watcher.close();
    },
  };
}
