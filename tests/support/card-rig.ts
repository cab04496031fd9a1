/**
 * Everything an integration test needs to talk to a virtual CCCD through the real PC/SC stack:
 * pcscd (namespaced when possible), the emulator process in vpcd's reader, and a
 * PcscReaderWatcher on the test side. One rig per test file; `stop()` leaves nothing running.
 */
import { PcscReaderWatcher } from '../../electron/host/card/transport/pcsc-transport';
import type { CardTransport } from '../../electron/host/card/transport/transport';
import { waitForCard } from '../../electron/host/card/transport/wait-for-card';
import { startPcscd, type PcscdHandle } from './pcscd';
import { VirtualCardProcess, type InsertOptions } from './virtual-card';
import { waitForEvent } from './watcher-events';

export const VPCD_READER = 'Virtual PCD 00 00';
const isVpcd0 = (name: string) => name.startsWith(VPCD_READER);

export interface CardRig {
  pcscd: PcscdHandle;
  card: VirtualCardProcess;
  watcher: PcscReaderWatcher;
  /** Puts a card on the reader and resolves with its transport once pcscd reports it. */
  insert(options?: InsertOptions): Promise<CardTransport>;
  /** Takes the card away and waits until the watcher has seen it go. */
  remove(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCardRig(): Promise<CardRig> {
  const pcscd = await startPcscd();
  let card: VirtualCardProcess | undefined;
  let watcher: PcscReaderWatcher | undefined;
  try {
    card = await VirtualCardProcess.start(pcscd);
    watcher = await PcscReaderWatcher.start();
    await waitForEvent(watcher, (w) => w.readers().some((r) => isVpcd0(r.name)));
  } catch (err) {
    await watcher?.close();
    await card?.stop();
    await pcscd.stop();
    throw err;
  }
  const w = watcher;
  const c = card;
  const cardGone = () => waitForEvent(w, (x) => !x.readers().some((r) => isVpcd0(r.name) && r.cardPresent));
  return {
    pcscd,
    card: c,
    watcher: w,
    async insert(options) {
      // A card still on the reader from an earlier test goes first, so the watcher sees a new one.
      await c.remove();
      await cardGone();
      const arrived = waitForCard(w, { reader: isVpcd0, timeoutMs: 15_000 });
      await c.insert(options);
      return arrived;
    },
    async remove() {
      await c.remove();
      await cardGone();
    },
    async stop() {
      await w.close();
      await c.stop();
      await pcscd.stop();
    },
  };
}
