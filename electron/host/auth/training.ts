/**
 * Demo / training mode's own store, in the demo folder: created on first use with a published
 * passphrase and three training accounts, unlocked at start. Its key derivation is cheap on purpose
 * (the passphrase is printed on the sign-in screen, so cost buys nothing); the live store never uses
 * this. Everything in it is simulated.
 */
import { createAccount, createFirstAdmin } from './accounts';
import { createStore, storeExists, type OpenStore } from '../store/store';

export const TRAINING_PASSPHRASE = 'dao-tao-demo-khong-phai-that';
export const TRAINING_PASSWORD = 'Demo-2026!';
export const TRAINING_ACCOUNTS = [
  { username: 'quantri', displayName: 'Quản trị viên (đào tạo)', role: 'admin' },
  { username: 'canbo', displayName: 'Cán bộ tiếp nhận (đào tạo)', role: 'officer' },
  { username: 'lanhdao', displayName: 'Lãnh đạo duyệt hồ sơ (đào tạo)', role: 'supervisor' },
] as const;

/** Creates the training store with its accounts when missing; returns true when it exists. */
export async function ensureTrainingStore(dataDir: string): Promise<void> {
  if (storeExists(dataDir)) return;
  const s: OpenStore = await createStore(dataDir, { passphrase: TRAINING_PASSPHRASE }, { N: 2 ** 14, r: 8, p: 1 });
  try {
    const [admin, ...rest] = TRAINING_ACCOUNTS;
    const a = await createFirstAdmin(s.db, { username: admin.username, displayName: admin.displayName, password: TRAINING_PASSWORD });
    for (const acc of rest) await createAccount(s.db, a.id, { username: acc.username, displayName: acc.displayName, role: acc.role, password: TRAINING_PASSWORD });
  } finally {
    s.close();
  }
}
