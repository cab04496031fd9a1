/**
 * The fault matrix's resumable scenario: dossiers whose packets are above the resumable threshold
 * (~360 KB, sent in 64 KiB pieces), and connections cut by the proxy part-way through a piece. Every
 * dossier must still be stored once, and without waste: each upload started once (resumed from the
 * upstream's offset, never begun again), each byte taken in by the upstream once, and the proxy
 * carrying less than twice the packets' bytes in all (TLS, headers and the cut pieces included).
 */
import type { Ctx, Scenario } from './fault-matrix';

export function resumableCut(waitMs: number): Scenario {
  const starts = new Map<string, number>();
  let appended = 0;
  const onStart = (e: { dossierId: string }) => starts.set(e.dossierId, (starts.get(e.dossierId) ?? 0) + 1);
  const onAppend = (e: { bytes: number }) => void (appended += e.bytes);
  return {
    name: 'resumable upload cut mid-piece',
    portraitBytes: 150_000,
    arrange: (c: Ctx) => {
      starts.clear();
      appended = 0;
      c.up.events.on('upload-started', onStart);
      c.up.events.on('upload-appended', onAppend);
      c.proxy.bytesUp = 0;
      c.proxy.fault = { kind: 'reset', count: 3, afterBytes: 150_000 };
    },
    during: async (c: Ctx) => {
      await c.kiosk.waitFor((l) => l.counts.retrying > 0, waitMs, 'an upload cut mid-piece');
    },
    after: async (c: Ctx) => {
      c.up.events.off('upload-started', onStart);
      c.up.events.off('upload-appended', onAppend);
      const total = c.ids.reduce((n, id) => n + (c.up.control.packet(id)?.jwe.length ?? 0), 0);
      const ratio = c.proxy.bytesUp / total;
      const restarted = c.ids.filter((id) => starts.get(id) !== 1).length;
      const kb = (n: number) => Math.round(n / 1024);
      const line = `${c.proxy.resets} connections cut mid-piece; proxy carried ${kb(c.proxy.bytesUp)} KB for ${kb(total)} KB of packets (${ratio.toFixed(2)}x); upstream took ${kb(appended)} KB`;
      if (c.proxy.resets === 0) throw new Error(`no connection was cut (${line})`);
      if (restarted > 0 || appended !== total || ratio >= 2) throw new Error(`waste: ${restarted} uploads begun again (${line})`);
      return `${line}; every upload resumed from the upstream's offset, none begun again`;
    },
  };
}
