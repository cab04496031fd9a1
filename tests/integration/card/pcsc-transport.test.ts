/**
 * The transport through the real stack: pcscd + vpcd + the virtual CCCD in its own process.
 * Checks the reader and card events and plain (pre-access-control) APDUs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscReaderWatcher } from '../../../electron/host/card/transport/pcsc-transport';
import { waitForCard } from '../../../electron/host/card/transport/wait-for-card';
import { probePcscService } from '../../../electron/host/card/transport/pcsc-service';
import { PCSCD_SOCKET, pcscdUnavailableReason, startPcscd, type PcscdHandle } from '../../support/pcscd';
import { VirtualCardProcess } from '../../support/virtual-card';
import { waitForEvent } from '../../support/watcher-events';

const skipReason = pcscdUnavailableReason();
if (skipReason) console.warn(`skipping pcscd tests: ${skipReason}`);

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const bytes = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const READER = 'Virtual PCD 00 00';

describe.skipIf(skipReason !== undefined)('PC/SC watcher while pcscd is down', () => {
  it('reports card.no_reader at once (no hang), then finds the readers when pcscd comes up', async () => {
    expect(await probePcscService(PCSCD_SOCKET, 300)).toBe(false);
    let watcher: PcscReaderWatcher | undefined;
    let pcscd: PcscdHandle | undefined;
    try {
      // start() resolving at all is the "no hang" (pcsclite would spin); the test timeout bounds it.
      watcher = await PcscReaderWatcher.start({ serviceRetryMs: 200 });
      expect(watcher.serviceAvailable).toBe(false);
      expect(watcher.serviceError?.code).toBe('card.no_reader');
      // It keeps looking and says so again on each attempt.
      const again = await new Promise<string>((resolve) => {
        const stop = watcher?.subscribe((e) => {
          if (e.type === 'service-error') {
            stop?.();
            resolve(e.error.code);
          }
        });
      });
      expect(again).toBe('card.no_reader');
      pcscd = await startPcscd();
      await waitForEvent(watcher, (w) => w.readers().some((r) => r.name.startsWith(READER)), 10_000);
      expect(watcher.serviceAvailable).toBe(true);
      expect(watcher.serviceError).toBeUndefined();
    } finally {
      await watcher?.close();
      await pcscd?.stop();
    }
  });
});

describe.skipIf(skipReason !== undefined)('PC/SC watcher across a pcscd restart', () => {
  it('announces the readers gone when pcscd stops and finds them again when it is back', async () => {
    let pcscd: PcscdHandle | undefined = await startPcscd();
    const watcher = await PcscReaderWatcher.start({ serviceRetryMs: 200 });
    const log: string[] = [];
    const t0 = Date.now();
    watcher.subscribe((e) => log.push(`${Date.now() - t0} ${e.type} ${e.type === 'service-error' ? e.error.message : 'reader' in e ? e.reader : ''}`));
    try {
      await waitForEvent(watcher, (w) => w.readers().some((r) => r.name.startsWith(READER)));
      await pcscd.stop();
      pcscd = undefined;
      await waitForEvent(watcher, () => watcher.readers().length === 0 && !watcher.serviceAvailable);
      expect(watcher.serviceError?.code).toBe('card.no_reader');
      pcscd = await startPcscd();
      await waitForEvent(watcher, (w) => w.readers().some((r) => r.name.startsWith(READER)));
      expect(watcher.serviceAvailable).toBe(true);
    } catch (e) {
      console.log(log.join('\n'), watcher.serviceAvailable);
      throw e;
    } finally {
      await watcher.close();
      await pcscd?.stop();
    }
  });
});

describe.skipIf(skipReason !== undefined)('PC/SC transport through pcscd and vpcd', () => {
  let pcscd: PcscdHandle;
  let card: VirtualCardProcess;
  let watcher: PcscReaderWatcher;

  beforeAll(async () => {
    pcscd = await startPcscd();
    card = await VirtualCardProcess.start(pcscd);
    watcher = await PcscReaderWatcher.start();
  });

  afterAll(async () => {
    await watcher?.close();
    await card?.stop();
    await pcscd?.stop();
  });

  it('sees both vpcd readers', async () => {
    await waitForEvent(watcher, (w) => w.readers().some((r) => r.name.startsWith(READER)));
    expect(watcher.readers().map((r) => r.name)).toEqual(expect.arrayContaining([expect.stringContaining('Virtual PCD 00 00')]));
  });

  it('sees the card arrive with its ISO 14443-4 ATR and answers plain APDUs', async () => {
    const arrived = waitForCard(watcher, { reader: (n) => n.startsWith(READER), timeoutMs: 10_000 });
    await card.insert({ variant: 'genuine' });
    const transport = await arrived;
    expect(hex(watcher.readers().find((r) => r.name.startsWith(READER))?.atr ?? new Uint8Array())).toBe('3B80800101');
    // Selecting the MF: the CCCD answers 6D00.
    expect(hex(await transport.transmit(bytes('00A4000C023F00')))).toBe('6D00');
    // EF.CardAccess is readable before access control.
    expect(hex(await transport.transmit(bytes('00A4020C02011C')))).toBe('9000');
    const cardAccess = await transport.transmit(bytes('00B0000004'));
    expect(hex(cardAccess.slice(-2))).toBe('9000');
    expect(cardAccess[0]).toBe(0x31);
    expect(hex(await transport.transmit(bytes('00A4040C07A0000002471001')))).toBe('9000');
    // Data groups need access control first.
    expect(hex(await transport.transmit(bytes('00A4020C020101')))).toBe('6982');
  });

  it('reports the card leaving and a removed card as CardError card.removed', async () => {
    const transport = await waitForCard(watcher, { reader: (n) => n.startsWith(READER) });
    const removed = waitForEvent(watcher, (w) => !w.readers().some((r) => r.name.startsWith(READER) && r.cardPresent));
    await card.remove();
    await removed;
    await expect(transport.transmit(bytes('00A4020C02011C'))).rejects.toMatchObject({ code: 'card.removed' });
  });

  it('exchanges 50 plain APDUs in a row (latency logged)', async () => {
    const arrived = waitForCard(watcher, { reader: (n) => n.startsWith(READER) });
    await card.insert();
    const transport = await arrived;
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await transport.transmit(bytes('00A4020C02011C'));
    const perApdu = (performance.now() - t0) / n;
    // A figure for the log, not an assertion: speed is measured by `npm run bench`, never by tests.
    console.log(JSON.stringify({ measure: 'plain-apdu-latency-ms', namespaced: pcscd.namespaced, perApdu: +perApdu.toFixed(3) }));
  });
});
