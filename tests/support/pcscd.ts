/**
 * Starts a real pcscd for integration tests, with vsmartcard's vpcd driver giving the virtual
 * readers. Debian's vpcd writes each frame in two send() calls, which meets TCP delayed ACK on
 * loopback (about 44 ms per APDU); inside a private network namespace whose loopback routes
 * carry `quickack 1` the same exchange takes a fraction of a millisecond. So, as root, pcscd
 * runs in `unshare -n` and the card emulator joins that namespace with nsenter
 * (see virtual-card.ts); clients need no namespace: they use pcscd's socket file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { probePcscService } from '../../electron/host/card/transport/pcsc-service';

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
/** Lets a later run clean up a pcscd this harness started and then lost (killed test run). */
const OWN_PID_FILE = '/tmp/eid-kiosk-test-pcscd.pid';

export interface PcscdHandle {
  pid: number;
  /** True when pcscd runs in its own network namespace with quickack loopback routes. */
  namespaced: boolean;
  /** Prefix that runs a command in pcscd's network namespace (empty when not namespaced). */
  nsPrefix: string[];
  stop(): Promise<void>;
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Why the pcscd tests cannot run here, or undefined when they can. */
export function pcscdUnavailableReason(): string | undefined {
  if (!which('pcscd') && !existsSync('/usr/sbin/pcscd')) return 'pcscd is not installed (apt-get install pcscd)';
  if (!existsSync(VPCD_DRIVER)) return 'the vpcd driver is not installed (apt-get install vsmartcard-vpcd)';
  return undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

async function waitExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(25);
  }
  return !isAlive(pid);
}

/** A pcscd we started in an earlier, interrupted run: stop it by its recorded pid only. */
async function stopLeftover(): Promise<void> {
  if (!existsSync(OWN_PID_FILE)) return;
  const pid = Number(readFileSync(OWN_PID_FILE, 'utf8').trim());
  rmSync(OWN_PID_FILE, { force: true });
  if (pid > 0 && isAlive(pid) && processName(pid) === 'pcscd') {
    process.kill(pid, 'SIGTERM');
    await waitExit(pid, 3000);
  }
}

async function clearSocket(): Promise<void> {
  if (!existsSync(PCSCD_SOCKET)) return;
  if (await probePcscService(PCSCD_SOCKET)) {
    throw new Error(
      `another pcscd already answers on ${PCSCD_SOCKET}; only one can run per machine. ` +
        'Stop it (it was not started by these tests) and run again.',
    );
  }
  rmSync(PCSCD_SOCKET, { force: true }); // stale socket from a pcscd that died: blocks a new start
}

const NS_SCRIPT = [
  'set -e',
  'ip link set lo up',
  // Both routes: the /32 one is more specific and would otherwise win without quickack.
  'ip route replace table local local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 quickack 1',
  'ip route replace table local local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 quickack 1',
  'exec pcscd -f',
].join('\n');

function launch(namespaced: boolean, debug: boolean): ChildProcess {
  const stdio: ['ignore', 'ignore' | 'inherit', 'ignore' | 'inherit'] = ['ignore', debug ? 'inherit' : 'ignore', debug ? 'inherit' : 'ignore'];
  if (!namespaced) return spawn('pcscd', debug ? ['-f', '-d'] : ['-f'], { stdio });
  // `unshare -n` without --fork execs sh, which execs pcscd: the child pid is pcscd's pid.
  return spawn('unshare', ['-n', 'sh', '-c', debug ? NS_SCRIPT.replace('pcscd -f', 'pcscd -f -d') : NS_SCRIPT], { stdio });
}

async function waitForSocket(child: ChildProcess, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await probePcscService(PCSCD_SOCKET, 200)) return true;
    await sleep(50);
  }
  return false;
}

export interface StartPcscdOptions {
  /** Run in a private network namespace (default: when root). */
  namespace?: boolean;
  /** pcscd -d, logging to this process's stderr. */
  debug?: boolean;
}

export async function startPcscd(options: StartPcscdOptions = {}): Promise<PcscdHandle> {
  const reason = pcscdUnavailableReason();
  if (reason) throw new Error(reason);
  await stopLeftover();
  await clearSocket();
  // EID_TEST_PCSCD_NAMESPACE=0 runs pcscd in the host namespace, to measure what the namespace buys.
  const wantNs = options.namespace ?? (process.env.EID_TEST_PCSCD_NAMESPACE !== '0' && process.getuid?.() === 0);
  let namespaced = wantNs && !!which('unshare') && !!which('nsenter') && !!which('ip');
  let child = launch(namespaced, options.debug ?? false);
  let up = await waitForSocket(child, 5000);
  if (!up && namespaced) {
    // unshare/ip can be refused in a container without CAP_SYS_ADMIN / CAP_NET_ADMIN.
    if (child.exitCode === null) child.kill('SIGTERM');
    await clearSocket();
    namespaced = false;
    child = launch(false, options.debug ?? false);
    up = await waitForSocket(child, 5000);
  }
  const pid = child.pid;
  if (!up || pid === undefined) {
    if (child.exitCode === null) child.kill('SIGTERM');
    throw new Error('pcscd did not come up within 5 s');
  }
  writeFileSync(OWN_PID_FILE, String(pid));
  return {
    pid,
    namespaced,
    nsPrefix: namespaced ? ['nsenter', '-t', String(pid), '-n'] : [],
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        if (!(await waitExit(pid, 5000))) child.kill('SIGKILL');
        await waitExit(pid, 2000);
      }
      rmSync(OWN_PID_FILE, { force: true });
      if (existsSync(PCSCD_SOCKET) && !(await probePcscService(PCSCD_SOCKET, 200))) {
        rmSync(PCSCD_SOCKET, { force: true });
      }
    },
  };
}
