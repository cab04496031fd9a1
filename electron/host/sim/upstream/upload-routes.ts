/** The routes of resumable uploads (yaml /v1/uploads); the work is in uploads.ts and service.ts. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPacketError } from '../../sync/packet/errors';
import { MAX_JWE_CHARS } from '../../sync/packet/manifest';
import { Problem, readBody, sendJson } from './problem';
import { answerStored, clientDevice, type RouteContext } from './routes';

function offsetHeader(res: ServerResponse, offset: number): void {
  res.writeHead(204, { 'upload-offset': String(offset), 'cache-control': 'no-store' });
  res.end();
}

export async function uploadRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const device = clientDevice(ctx, req);
  if (path === '/v1/uploads' && req.method === 'POST') {
    let json: unknown;
    try {
      json = JSON.parse((await readBody(req, 4096)).toString('utf8'));
    } catch {
      throw new Problem(400, 'request.invalid', 'the body is not JSON');
    }
    const r = ctx.uploads.start(device, json);
    if ('upload' in r) ctx.service.events.emit('upload-started', { ...r.upload, dossierId: (json as { dossierId: string }).dossierId });
    return 'stored' in r ? sendJson(res, 200, r.stored) : sendJson(res, 201, r.upload);
  }
  const m = /^\/v1\/uploads\/([^/]+)$/.exec(path);
  if (!m) throw new Problem(404, 'request.invalid', 'no such route');
  const id = decodeURIComponent(m[1]!);
  if (req.method === 'HEAD') return offsetHeader(res, ctx.uploads.get(device, id).offset);
  if (req.method === 'DELETE') {
    // The kiosk stopped using it (delivered another way, refused, sent whole): the pieces go now, not at expiry.
    const row = ctx.uploads.get(device, id);
    ctx.uploads.forget(id);
    ctx.service.events.emit('upload-cancelled', { uploadId: id, dossierId: row.dossierId, offset: row.offset });
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  if (req.method === 'PATCH') {
    const offset = String(req.headers['upload-offset'] ?? '');
    if (!/^\d{1,12}$/.test(offset)) throw new Problem(400, 'request.invalid', 'Upload-Offset');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/offset+octet-stream')) throw new Problem(400, 'request.invalid', 'content type must be application/offset+octet-stream');
    const bytes = await readBody(req, MAX_JWE_CHARS);
    const to = ctx.uploads.append(device, id, Number(offset), bytes);
    // Tests count what the upstream took in for a packet (a resumed upload wastes little).
    ctx.service.events.emit('upload-appended', { uploadId: id, offset: Number(offset), bytes: bytes.length, to });
    return offsetHeader(res, to);
  }
  if (req.method === 'POST') {
    const { dossierId, jwe } = ctx.uploads.complete(device, id);
    let stored;
    try {
      stored = await ctx.service.submit(device, dossierId, jwe);
    } catch (e) {
      // A packet refused for good will not become acceptable by sending it again.
      if (isPacketError(e) || (e instanceof Problem && e.status < 500)) ctx.uploads.forget(id);
      throw e;
    }
    ctx.uploads.forget(id);
    return answerStored(ctx, req, res, dossierId, stored.status, stored.receipt);
  }
  throw new Problem(404, 'request.invalid', 'no such route');
}
