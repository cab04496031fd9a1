/**
 * A small scriptable upstream for the sync unit tests (the reference upstream in sim/upstream is
 * the full one): real HTTPS with mutual TLS, enrolment issuing a client certificate from the CSR,
 * packets opened with the real packet code and stored once per dossier and digest, a status feed,
 * and a script of misbehaviours for the next uploads.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { generateEncryptionKey, openPacket, publicJwk, type JwkPair } from './packet/index';
import type { JWK } from 'jose';
import { makeTestTls, type TestTls } from './test-tls';

export type Misbehaviour = { status: number; code: string; retryAfter?: string } | 'drop_after_store' | 'hang' | 'reset_before_store';

export interface TestUpstream {
  url: string;
  tls: TestTls;
  token: string;
  /** Uploads stored: dossier id → how many times stored (must stay 1). */
  stores: Map<string, number>;
  puts: number;
  script: Misbehaviour[];
  /** The upstream's decision on a stored dossier (appears in the status feed). */
  decide(dossierId: string, status: 'accepted' | 'rejected', code?: string): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let b = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (b += c));
    req.on('end', () => resolve(b));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));
const problem = (res: ServerResponse, status: number, code: string, extra: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/problem+json', ...extra }).end(JSON.stringify({ type: 'about:blank', title: code, status, code }));

export async function startTestUpstream(): Promise<TestUpstream> {
  const tls = await makeTestTls();
  const enc: JwkPair = await generateEncryptionKey();
  const devices = new Map<string, JWK>();
  const digests = new Map<string, string>();
  const feed: Array<{ seq: number; dossierId: string; status: string; reason?: { code: string }; at: string }> = [];
  const token = 'one-time-token-0123456789';
  let used = false;
  const u: Omit<TestUpstream, 'url' | 'close'> = {
    tls,
    token,
    stores: new Map(),
    puts: 0,
    script: [],
    decide(dossierId, status, code) {
      feed.push({ seq: feed.length + 1, dossierId, status, ...(code ? { reason: { code } } : {}), at: new Date().toISOString() });
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'https://x');
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/v1/devices/enrolment') {
      const r = JSON.parse(body) as { token: string; csrPem: string; signingKey: JWK };
      if (r.token !== token || used) return problem(res, 401, used ? 'enrolment.token_used' : 'enrolment.token_invalid');
      used = true;
      const deviceId = `KIOSK-TEST${String(devices.size + 1).padStart(4, '0')}`;
      devices.set(deviceId, r.signingKey);
      return json(res, 201, { deviceId, clientCertificatePem: await tls.issueClient(r.csrPem, deviceId), caChainPem: tls.caPem, encryptionKey: publicJwk(enc.privateJwk) });
    }
    const sock = req.socket as TLSSocket;
    const cn = sock.authorized ? (sock.getPeerCertificate()?.subject?.CN as string | undefined) : undefined;
    if (!cn || !devices.has(cn)) return problem(res, 401, 'device.unknown');
    if (req.method === 'GET' && url.pathname === '/v1/status') {
      const since = Number(url.searchParams.get('since') ?? '0');
      const changes = feed.filter((c) => c.seq > since).slice(0, 100);
      return json(res, 200, { changes, cursor: String(changes.at(-1)?.seq ?? since), more: feed.some((c) => c.seq > (changes.at(-1)?.seq ?? since)) });
    }
    const m = /^\/v1\/packets\/(HS-[2-9A-HJ-NP-Z]{10})$/.exec(url.pathname);
    if (req.method !== 'PUT' || !m) return problem(res, 404, 'packet.malformed');
    u.puts++;
    const step = u.script.shift();
    if (step === 'hang') return;
    if (step === 'reset_before_store') return void req.socket.destroy();
    if (step && typeof step === 'object') return problem(res, step.status, step.code, step.retryAfter ? { 'retry-after': step.retryAfter } : {});
    let opened;
    try {
      opened = await openPacket(body, { decryptionKey: enc.privateJwk, deviceKey: (kid) => (kid === cn ? devices.get(kid) : undefined) });
    } catch (e) {
      return problem(res, 422, (e as { code?: string }).code ?? 'packet.malformed');
    }
    const id = m[1]!;
    const had = digests.get(id);
    if (had && had !== opened.digest) return problem(res, 409, 'packet.conflict');
    if (!had) {
      digests.set(id, opened.digest);
      u.stores.set(id, (u.stores.get(id) ?? 0) + 1);
      feed.push({ seq: feed.length + 1, dossierId: id, status: 'received', at: new Date().toISOString() });
    }
    if (step === 'drop_after_store') return void req.socket.destroy();
    return json(res, had ? 200 : 201, { dossierId: id, digest: opened.digest, receivedAt: new Date().toISOString() });
  }

  const server: Server = createServer({ cert: tls.serverCertPem, key: tls.serverKeyPem, ca: tls.caPem, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.3' }, (req, res) => {
    handle(req, res).catch(() => problem(res, 500, 'unavailable'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    ...u,
    get puts() {
      return u.puts;
    },
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  } as TestUpstream;
}
