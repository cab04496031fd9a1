/**
 * Everything the kiosk needs, checked and explained with the fix. Used by `npm run doctor`.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { KioskConfig } from '../config';
import { result, type CheckResult } from './check';
import { probePcsc, type PcscProbe } from './pcsc-probe';
import { probeUpstream } from './upstream-probe';

export const FACE_MODEL_SHA256 = '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff';
export const MEDIAPIPE_VERSION = '0.10.35';

export interface DoctorEnv {
  root: string;
  config: KioskConfig;
  demo: boolean;
  chromium: string | null;
  electron: string | null;
  /** The PC/SC probe; tests pass their own so they do not depend on a running pcscd. */
  probePcsc?: () => Promise<PcscProbe>;
}

function checkNode(): CheckResult {
  const [maj, min] = process.versions.node.split('.').map(Number) as [number, number];
  const ok = maj > 20 || (maj === 20 && min >= 19);
  return result({
    id: 'node', required: true, status: ok ? 'ok' : 'fail',
    summary: `Node.js ${process.versions.node}`, summaryVi: `Node.js ${process.versions.node}`,
    ...(ok ? {} : { fix: 'Install Node.js 20.19 or newer.', fixVi: 'Cài Node.js 20.19 trở lên.' }),
  });
}

function checkNativeModules(root: string): CheckResult {
  const req = createRequire(join(root, 'package.json'));
  const broken: string[] = [];
  for (const m of ['better-sqlite3-multiple-ciphers', '@pokusew/pcsclite']) {
    try {
      const mod = req(m) as unknown;
      if (m === 'better-sqlite3-multiple-ciphers') new (mod as new (f: string) => { close(): void })(':memory:').close();
    } catch (e) {
      broken.push(`${m}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return result({
    id: 'native-modules', required: true, status: broken.length ? 'fail' : 'ok',
    summary: broken.length ? `Native modules do not load: ${broken.join('; ')}` : 'Native modules (SQLite, PC/SC) load',
    summaryVi: broken.length ? 'Không nạp được mô-đun gốc (SQLite, PC/SC)' : 'Mô-đun gốc (SQLite, PC/SC) hoạt động',
    ...(broken.length ? { fix: 'Run scripts/setup.sh again (it rebuilds them for this Node).', fixVi: 'Chạy lại scripts/setup.sh.' } : {}),
  });
}

function checkShell(env: DoctorEnv): CheckResult {
  const found = env.electron ?? env.chromium;
  return result({
    id: 'shell', required: true, status: found ? 'ok' : 'fail',
    summary: env.electron ? `Electron: ${env.electron}` : env.chromium ? `Electron not installed; browser shell will use ${env.chromium}` : 'Neither Electron nor Chromium found',
    summaryVi: env.electron ? 'Có Electron' : env.chromium ? 'Không có Electron; dùng Chromium của hệ thống' : 'Không có Electron lẫn Chromium',
    detail: { electron: env.electron, chromium: env.chromium },
    ...(found ? {} : { fix: 'Install Chromium (apt-get install chromium) or set KIOSK_CHROMIUM.', fixVi: 'Cài Chromium (apt-get install chromium).' }),
  });
}

async function checkPcsc(env: DoctorEnv): Promise<CheckResult> {
  const probe = await (env.probePcsc ?? probePcsc)();
  const required = !env.demo;
  if (!probe.reachable) {
    return result({
      id: 'pcscd', required, status: 'fail',
      summary: `PC/SC service not reachable (${probe.error ?? 'no answer'})`, summaryVi: 'Không kết nối được dịch vụ đọc thẻ (pcscd)',
      fix: 'Start the smart-card service: `pcscd` (or `systemctl start pcscd`); check the reader is plugged in.',
      fixVi: 'Khởi động dịch vụ đọc thẻ (pcscd) và kiểm tra đầu đọc đã cắm.',
    });
  }
  return result({
    id: 'pcscd', required, status: probe.readers.length ? 'ok' : 'warn',
    summary: probe.readers.length ? `PC/SC readers: ${probe.readers.join(', ')}` : 'PC/SC service running, no reader attached',
    summaryVi: probe.readers.length ? `Đầu đọc: ${probe.readers.join(', ')}` : 'Dịch vụ đọc thẻ chạy nhưng chưa có đầu đọc',
    detail: { readers: probe.readers },
    ...(probe.readers.length ? {} : { fix: 'Plug in the NFC reader (a CCID contactless reader).', fixVi: 'Cắm đầu đọc NFC vào cổng USB.' }),
  });
}

function checkFaceModel(root: string): CheckResult {
  const file = join(root, 'resources/models/face_landmarker.task');
  if (!existsSync(file)) {
    return result({ id: 'face-model', required: true, status: 'fail', summary: `Face model missing: ${file}`, summaryVi: 'Thiếu mô hình khuôn mặt',
      fix: 'Run scripts/setup.sh (it installs and verifies the model).', fixVi: 'Chạy scripts/setup.sh để cài mô hình.' });
  }
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  const ok = sha === FACE_MODEL_SHA256;
  return result({
    id: 'face-model', required: true, status: ok ? 'ok' : 'fail',
    summary: ok ? 'Face model present, SHA-256 verified' : `Face model has the wrong SHA-256 (${sha})`,
    summaryVi: ok ? 'Mô hình khuôn mặt đúng' : 'Mô hình khuôn mặt sai (SHA-256 không khớp)',
    detail: { file, sha256: sha },
    ...(ok ? {} : { fix: 'Delete the file and run scripts/setup.sh again.', fixVi: 'Xoá tệp và chạy lại scripts/setup.sh.' }),
  });
}

function checkMediapipePin(root: string): CheckResult {
  let version = 'missing';
  try {
    version = (JSON.parse(readFileSync(join(root, 'node_modules/@mediapipe/tasks-vision/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // reported below
  }
  const ok = version === MEDIAPIPE_VERSION;
  return result({
    id: 'mediapipe', required: true, status: ok ? 'ok' : 'fail',
    summary: `@mediapipe/tasks-vision ${version}${ok ? '' : ` (must be ${MEDIAPIPE_VERSION}: other versions send usage logs out)`}`,
    summaryVi: ok ? 'Thư viện nhận diện khuôn mặt đúng phiên bản' : 'Sai phiên bản thư viện nhận diện khuôn mặt',
    ...(ok ? {} : { fix: 'Run npm ci (the lockfile pins 0.10.35).', fixVi: 'Chạy npm ci.' }),
  });
}

function checkDataDir(config: KioskConfig): CheckResult {
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    accessSync(config.dataDir, constants.W_OK);
    const probe = join(config.dataDir, `.doctor-${process.pid}`);
    writeFileSync(probe, 'x');
    rmSync(probe);
    return result({ id: 'data-dir', required: true, status: 'ok', summary: `Data folder writable: ${config.dataDir}`, summaryVi: 'Thư mục dữ liệu ghi được' });
  } catch (e) {
    return result({ id: 'data-dir', required: true, status: 'fail', summary: `Data folder not writable: ${config.dataDir} (${(e as Error).message})`,
      summaryVi: 'Không ghi được thư mục dữ liệu', fix: 'Set KIOSK_DATA_DIR to a writable folder or fix its permissions.', fixVi: 'Sửa quyền thư mục hoặc đặt KIOSK_DATA_DIR.' });
  }
}

async function checkUpstream(config: KioskConfig): Promise<CheckResult> {
  if (!config.upstream) {
    return result({ id: 'upstream', required: false, status: 'warn', summary: 'No upstream configured: dossiers will wait in the queue',
      summaryVi: 'Chưa cấu hình máy chủ nhận hồ sơ: hồ sơ sẽ chờ trong hàng đợi', fix: 'Set "upstream": {"url": "https://…"} in config.json.', fixVi: 'Khai báo "upstream" trong config.json.' });
  }
  const probe = await probeUpstream(config.upstream.url, config.upstream.caFile);
  return result({
    id: 'upstream', required: false, status: probe.ok ? 'ok' : 'fail',
    summary: probe.ok ? `Upstream reachable (${probe.detail})` : `Upstream not reachable: ${probe.detail}`,
    summaryVi: probe.ok ? 'Kết nối được máy chủ nhận hồ sơ' : 'Không kết nối được máy chủ nhận hồ sơ (hồ sơ vẫn được lưu)',
    ...(probe.ok ? {} : { fix: 'Check the network and the upstream URL / CA file; the kiosk keeps working offline.', fixVi: 'Kiểm tra mạng; máy trạm vẫn làm việc khi mất mạng.' }),
  });
}

export async function runChecks(env: DoctorEnv): Promise<CheckResult[]> {
  return [
    checkNode(),
    checkNativeModules(env.root),
    checkShell(env),
    await checkPcsc(env),
    checkFaceModel(env.root),
    checkMediapipePin(env.root),
    checkDataDir(env.config),
    await checkUpstream(env.config),
  ];
}
