/**
 * The reference upstream's HTTP routes (docs/upstream-api.yaml). The API listener has already
 * required a client certificate from the upstream's CA at TLS; here the certificate is mapped to
 * an enrolled, unrevoked device, then the scripted misbehaviour is applied around the real work.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { MAX_JWE_CHARS } from '../../sync/packet/manifest';
import { changesSince, latestChange, lineage } from './db';
import type { UpstreamDb } from './db';
import { asProblem, Problem, readBody, sendJson, sendProblem } from './problem';
import type { UpstreamService } from './service';
import { uploadRoute } from './upload-routes';
import type { Uploads } from './uploads';

export interface RouteContext {
  service: UpstreamService;
  db: UpstreamDb;
  uploads: Uploads;
  apiUrl: () => string;
  /** Waits `ms` unless the server stops first. */
  wait(ms: number): Promise<void>;
}

export function clientDevice(ctx: RouteContext, req: IncomingMessage) {
  const socket = req.socket as TLSSocket;
  const cert = socket.getPeerCertificate();
  if (!socket.authorized || !cert?.raw) throw new Problem(401, 'device.unknown', 'no valid client certificate');
  const cn = Array.isArray(cert.subject?.CN) ? cert.subject.CN[0] : cert.subject?.CN;
  return ctx.service.device(String(cn ?? ''), createHash('sha256').update(cert.raw).digest('hex'));
}

function checkDigest(req: IncomingMessage, body: Buffer): void {
  const m = /^sha-256=:([A-Za-z0-9+/]{43}=):$/.exec(String(req.headers['content-digest'] ?? '').trim());
  if (!m || m[1] !== createHash('sha256').update(body).digest('base64')) throw new Problem(400, 'packet.digest_mismatch', 'Content-Digest missing or not the body\'s');
}

async function putPacket(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, dossierId: string): Promise<void> {
  const device = clientDevice(ctx, req);
  if (!String(req.headers['content-type'] ?? '').startsWith('application/jose')) throw new Problem(400, 'packet.malformed', 'content type must be application/jose');
  const body = await readBody(req, MAX_JWE_CHARS);
  checkDigest(req, body);
  const { status, receipt } = await ctx.service.submit(device, dossierId, body);
  await answerStored(ctx, req, res, dossierId, status, receipt);
}

/** The answer to a stored packet (PUT or a completed upload), as scripted: dropped, late, or at once. */
export async function answerStored(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, dossierId: string, status: number, receipt: unknown): Promise<void> {
  const behaviour = ctx.service.behaviour;
  if (behaviour.takeDropAck()) {
    // Stored and committed; the kiosk never hears so.
    ctx.service.events.emit('ack-dropped', { dossierId });
    req.socket.destroy();
    return;
  }
  if (behaviour.delayMs) await ctx.wait(behaviour.delayMs);
  sendJson(res, status, receipt);
}

function getPacket(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, dossierId: string): void {
  const device = clientDevice(ctx, req);
  const c = latestChange(ctx.db, dossierId);
  if (!c || !lineage(ctx.db, device.id).includes(c.deviceId)) throw new Problem(404, 'packet.unknown');
  const { deviceId: _d, ...change } = c;
  sendJson(res, 200, change);
}

function status(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const device = clientDevice(ctx, req);
  const since = url.searchParams.get('since') ?? '';
  const limitText = url.searchParams.get('limit') ?? '100';
  if (!/^\d{1,15}$/.test(since) || !/^\d{1,3}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 500) throw new Problem(400, 'request.invalid', 'since must be a cursor, limit 1 to 500');
  sendJson(res, 200, changesSince(ctx.db, device.id, Number(since), Number(limitText)));
}

export async function apiRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const failure = ctx.service.behaviour.takeFailure();
    if (failure) throw new Problem(failure.status, failure.status === 429 ? 'rate_limited' : 'unavailable', 'scripted', failure.retryAfter);
    const url = new URL(req.url ?? '/', 'https://upstream.invalid');
    const packet = /^\/v1\/packets\/([^/]+)$/.exec(url.pathname);
    if (packet && req.method === 'PUT') return await putPacket(ctx, req, res, decodeURIComponent(packet[1]!));
    if (packet && req.method === 'GET') return getPacket(ctx, req, res, decodeURIComponent(packet[1]!));
    if (url.pathname.startsWith('/v1/uploads')) return await uploadRoute(ctx, req, res, url.pathname);
    if (url.pathname === '/v1/status' && req.method === 'GET') {
      if (ctx.service.behaviour.delayMs) await ctx.wait(ctx.service.behaviour.delayMs);
      return status(ctx, req, res, url);
    }
    throw new Problem(404, 'request.invalid', 'no such route');
  } catch (e) {
    const p = asProblem(e);
    if (p.status === 500) ctx.service.events.emit('failed', { path: req.url, error: e });
    else ctx.service.events.emit('refused', { path: req.url, code: p.code, status: p.status });
    sendProblem(res, p);
  }
}

export async function enrolmentRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.url !== '/v1/devices/enrolment' || req.method !== 'POST') throw new Problem(404, 'request.invalid', 'no such route');
    const body = await readBody(req, 64 * 1024);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Problem(400, 'enrolment.csr_invalid', 'the body is not JSON');
    }
    sendJson(res, 201, await ctx.service.enrol(json, ctx.apiUrl()));
  } catch (e) {
    sendProblem(res, asProblem(e));
  }
}
