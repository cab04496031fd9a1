/**
 * Realistic approved dossiers for benches, demos and load: the synthetic demo citizens with a
 * ~100 KB live portrait, the chip portrait and the raw chip files a real read keeps.
 */
import { randomBytes } from 'node:crypto';
import type { Officer } from '../../host/auth/accounts';
import { buildCardFiles, FILE_IDS } from '../../host/sim/lds-builder/card-files';
import { DUC_ANH, NHUNG } from '../../host/sim/lds-builder/sample-citizens';
import { makePortraitJpeg } from '../../host/sim/virtual-cccd/portrait';
import type { Db } from '../../host/store/database';
import * as D from '../../host/store/dossiers';
import { sampleDossier } from '../../host/store/test-dossier';
import type { ImageKind } from '../../../shared/domain/dossier';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hồng', 'Quang', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nhung', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];

export interface SeedAssets {
  images: Partial<Record<ImageKind, Uint8Array>>;
}

export function seedAssets(): SeedAssets {
  const live = makePortraitJpeg(480, 640, 2026, 90).bytes;
  const chip = makePortraitJpeg(240, 320, 1990, 75);
  const card = buildCardFiles(NHUNG, { portrait: { bytes: chip.bytes, kind: 'jpeg', width: 240, height: 320 } });
  const f = (id: number) => card.files.get(id)!;
  return {
    images: {
      live_portrait: live,
      chip_portrait: chip.bytes,
      ef_com: f(FILE_IDS.COM),
      ef_sod: f(FILE_IDS.SOD),
      dg1: f(FILE_IDS.DG1),
      dg2: f(FILE_IDS.DG2),
      dg13: f(FILE_IDS.DG13),
      dg14: f(FILE_IDS.DG14),
      dg15: f(FILE_IDS.DG15),
    },
  };
}

/** The n-th synthetic citizen: a name from common Vietnamese names, a unique 12-digit ID number. */
export function seedCitizen(n: number): { fullName: string; idNumber: string; dateOfBirth: string } {
  const pick = <T>(a: readonly T[], k: number) => a[k % a.length]!;
  const fullName = `${pick(SURNAMES, n)} ${pick(MIDDLE, Math.floor(n / 16))} ${pick(GIVEN, Math.floor(n / 7))}`;
  const year = 1960 + (n % 45);
  const idNumber = `0${String(1 + (n % 96)).padStart(2, '0')}${n % 2}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`.slice(0, 12);
  return { fullName, idNumber, dateOfBirth: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}` };
}

/** Creates, submits and approves one dossier; returns its id. */
export function seedOne(db: Db, n: number, officer: Officer, supervisor: Officer, assets: SeedAssets): string {
  const c = seedCitizen(n);
  const body = sampleDossier({ ...c, cardKind: n % 5 === 0 ? 'can_cuoc' : 'cccd_chip' });
  body.identity!.identity.placeOfResidence = n % 2 ? NHUNG.placeOfResidence : DUC_ANH.placeOfResidence;
  body.contact = { mobile: `09${String(10_000_000 + n).slice(-8)}` };
  const d = D.createDraft(db, officer, body, { ...assets.images, live_portrait: Buffer.concat([Buffer.from(assets.images.live_portrait!), randomBytes(16)]) });
  D.submit(db, officer, d.id, { allowDuplicate: true });
  D.approve(db, supervisor, d.id);
  return d.id;
}
