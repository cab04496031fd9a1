/**
 * Personalises the virtual chip from a synthetic citizen: the LDS files come from the data
 * layer's builders (the same code paths a test of the parsers uses), the access keys from the
 * citizen's ID number and dates as on a real CCCD.
 */
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { toYymmdd } from '../../../../shared/domain/dates';
import { documentNumberFromId } from '../../../../shared/domain/id-number';
import type { MrzKeyInput } from '../../card/icao/crypto/mrz-key';
import { buildCom } from '../lds-builder/com';
import { buildDg1, composeTd1 } from '../lds-builder/dg1';
import { buildDg13 } from '../lds-builder/dg13';
import { buildCardAccess } from './card-access';
import { FID, type CardFile } from './card-files';
import type { CardVariant } from './variants';

export interface CardSecrets {
  /** What BAC derives its keys from (document number, birth and expiry as in the MRZ). */
  mrz: MrzKeyInput;
  /** PACE card access number: the last 6 digits of the ID number. */
  can: string;
}

export interface PersonalisedCard {
  files: CardFile[];
  secrets: CardSecrets;
  mrz: string;
}

export function cardSecrets(citizen: CitizenIdentity, mrzText: string): CardSecrets {
  // The expiry in the BAC key is what the MRZ says, including the no-expiry filler.
  const line2 = mrzText.slice(30, 60);
  return {
    mrz: {
      documentNumber: documentNumberFromId(citizen.idNumber),
      dateOfBirth: toYymmdd(citizen.dateOfBirth) ?? line2.slice(0, 6),
      dateOfExpiry: line2.slice(8, 14),
    },
    can: citizen.idNumber.slice(-6),
  };
}

export function personalise(citizen: CitizenIdentity, variant: CardVariant): PersonalisedCard {
  const mrz = composeTd1(citizen);
  const files: CardFile[] = [
    { fid: FID.COM, content: buildCom([1, 2, 3, 13, 14, 15]), access: 'sm' },
    { fid: FID.DG1, content: buildDg1(mrz), access: 'sm' },
    { fid: FID.DG13, content: buildDg13(citizen), access: 'sm' },
    // DG3 exists but needs EAC: a kiosk always gets 6982.
    { fid: FID.DG3, content: Uint8Array.of(0x63, 0x00), access: 'locked' },
  ];
  if (variant !== 'bac-only') files.push({ fid: FID.CARD_ACCESS, content: buildCardAccess(), access: 'free' });
  return { files, secrets: cardSecrets(citizen, mrz), mrz };
}
