/**
 * The virtual CCCD as one object: personalised files + access control + authentication, behind
 * the ApduProcessor interface that the memory transport and the vpcd client both drive.
 */
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import type { SessionCipher } from '../../card/icao/lds/security-infos';
import { NHUNG } from '../lds-builder/sample-citizens';
import { CardFileSystem } from './card-files';
import { DEFAULT_BEHAVIOUR, VirtualCardEngine, type EngineBehaviour } from './engine';
import type { LinkModel } from './link-model';
import { personalise, type Dg2Container, type PersonalisedCard, type PortraitJpeg } from './personalise';
import { cardProtocols } from './protocols/index';
import type { CardQuirk } from './quirks';
import { GLITCH_AFTER_DG2_BYTES, PULL_AWAY_AFTER_DG2_BYTES, type CardVariant } from './variants';

export interface VirtualCccdOptions {
  citizen?: CitizenIdentity;
  variant?: CardVariant;
  link?: LinkModel;
  /** Portrait container in DG2 (default ISO/IEC 19794-5). */
  dg2Container?: Dg2Container;
  /** Chip authentication with 3DES session keys (MSE:Set KAT) instead of AES-128. */
  caCipher?: SessionCipher;
  /** Legal card behaviours our reader has to cope with (see quirks.ts). */
  quirks?: readonly CardQuirk[];
  /** DG2's portrait instead of the synthetic one (a card carrying a real face). */
  portrait?: PortraitJpeg;
}

export interface VirtualCccd {
  engine: VirtualCardEngine;
  card: PersonalisedCard;
  citizen: CitizenIdentity;
  variant: CardVariant;
  quirks: readonly CardQuirk[];
}

function behaviourFor(variant: CardVariant, link: LinkModel | undefined): EngineBehaviour {
  const b: EngineBehaviour = { ...DEFAULT_BEHAVIOUR };
  if (variant === 'small-reads') Object.assign(b, { maxLe: 0xdf, extendedLength: false });
  if (variant === 'pulled-away') b.leaveAfterDg2Bytes = PULL_AWAY_AFTER_DG2_BYTES;
  if (variant === 'glitch') b.glitchAfterDg2Bytes = GLITCH_AFTER_DG2_BYTES;
  if (link) b.link = link;
  return b;
}

export async function createVirtualCccd(options: VirtualCccdOptions = {}): Promise<VirtualCccd> {
  const citizen = options.citizen ?? NHUNG;
  const variant = options.variant ?? 'genuine';
  const quirks = options.quirks ?? [];
  const container = options.dg2Container ?? (variant === 'dg2-39794' ? '39794-5' : '19794-5');
  const card = await personalise(citizen, variant, {
    dg2Container: container,
    ...(options.caCipher ? { caCipher: options.caCipher } : {}),
    ...(options.portrait ? { portrait: options.portrait } : {}),
    quirks,
  });
  const engine = new VirtualCardEngine(
    new CardFileSystem(card.files),
    cardProtocols(card, variant, quirks),
    behaviourFor(variant, options.link),
  );
  return { engine, card, citizen, variant, quirks };
}
