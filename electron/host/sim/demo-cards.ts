/**
 * Demo / training mode's card reader: a simulated reader holding a virtual CCCD of a synthetic
 * citizen, signed by the synthetic test CSCA, which the demo's trust store trusts (in memory only).
 */
import { createHash } from 'node:crypto';
import type { CitizenIdentity } from '../../../shared/domain/citizen';
import { dnToString } from '../card/icao/auth/cert-info';
import { MemoryReaderWatcher } from '../card/transport/memory-transport';
import { BE_AN, DUC_ANH, MINH, NHUNG } from './lds-builder/sample-citizens';
import { cardIssuer } from './virtual-cccd/card-issuer';
import { createVirtualCccd } from './virtual-cccd/virtual-cccd';
import type { CardVariant } from './virtual-cccd/variants';
import type { PortraitJpeg } from './virtual-cccd/personalise';

export const DEMO_READER_NAME = 'Virtual CCCD reader (demo)';
export const DEMO_CITIZENS: Record<string, CitizenIdentity> = { nhung: NHUNG, ducanh: DUC_ANH, minh: MINH, bean: BE_AN };

export class DemoCards {
  readonly watcher = new MemoryReaderWatcher({ readerName: DEMO_READER_NAME });
  private state: { present: boolean; variant: CardVariant; citizen: string } = { present: false, variant: 'genuine', citizen: 'nhung' };

  /** The synthetic CSCA that signs the demo cards' document signers. */
  static cscaDer(): Uint8Array {
    return cardIssuer().csca.der;
  }

  /**
   * `portrait` (host side only, never over the bridge: tests) gives the card another face than the
   * synthetic one, e.g. someone else's, for the face comparison.
   */
  async set(opts: { present: boolean; variant?: CardVariant; citizen?: string; portrait?: PortraitJpeg }): Promise<typeof this.state> {
    if (!opts.present) {
      this.watcher.remove();
      this.state = { ...this.state, present: false };
      return this.state;
    }
    const citizen = opts.citizen && DEMO_CITIZENS[opts.citizen] ? opts.citizen : this.state.citizen;
    const variant = opts.variant ?? 'genuine';
    const card = await createVirtualCccd({ citizen: DEMO_CITIZENS[citizen]!, variant, ...(opts.portrait ? { portrait: opts.portrait } : {}) });
    this.watcher.insert(card.engine);
    this.state = { present: true, variant, citizen };
    return this.state;
  }

  get current() {
    return this.state;
  }

  /** The CSCA for download: another reader (or an inspector) needs it as its trust anchor. */
  static cscaExport(): { derBase64: string; subject: string; sha256: string } {
    const csca = cardIssuer().csca;
    const der = Buffer.from(csca.der);
    return { derBase64: der.toString('base64'), subject: dnToString(csca.cert.subject), sha256: createHash('sha256').update(der).digest('hex') };
  }

  close(): Promise<void> {
    return this.watcher.close();
  }
}
