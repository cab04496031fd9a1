/**
 * A TCP proxy the fault matrix controls, between the kiosk's sync worker and the upstream. TLS
 * passes through untouched (the kiosk still verifies the upstream end to end); the proxy breaks the
 * transport: refuse connections (not listening), reset a connection part-way through the upload,
 * swallow a connection (never forward: the kiosk's read timeout), delay every chunk.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyFault =
  | { kind: 'pass' }
  /** The next `count` connections are reset once the kiosk has sent `afterBytes` bytes. */
  | { kind: 'reset'; count: number; afterBytes: number }
  /** The next `count` connections are accepted and never forwarded. */
  | { kind: 'blackhole'; count: number }
  /** Every chunk is held this long in each direction. */
  | { kind: 'delay'; ms: number };

export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  fault: ProxyFault = { kind: 'pass' };
  /** Called when a connection has carried more than `uploadMark` bytes from the kiosk (an upload under way). */
  onUpload: (() => void) | null = null;
  uploadMark = 20_000;
  resets = 0;
  swallowed = 0;
  /** Every byte the kiosk sent through the proxy (TLS records included), cut connections too. */
  bytesUp = 0;

  constructor(private readonly target: { host: string; port: number }, readonly port: number) {}

  get listening(): boolean {
    return this.server !== null;
  }

  /** Starts accepting on the fixed port (connections are refused while stopped). */
  start(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = createServer((client) => this.handle(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Stops accepting and cuts every open connection. */
  stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const c of this.sockets) c.destroy();
    this.sockets.clear();
    return new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }

  retarget(port: number): void {
    this.target.port = port;
  }

  private handle(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    const f = this.fault;
    if (f.kind === 'blackhole' && f.count > 0) {
      f.count--;
      this.swallowed++;
      client.resume();
      return;
    }
    let resetAfter: number | null = null;
    if (f.kind === 'reset' && f.count > 0) {
      f.count--;
      resetAfter = f.afterBytes;
    }
    const delay = f.kind === 'delay' ? f.ms : 0;
    const upstream = connect(this.target.port, this.target.host);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    let sent = 0;
    let marked = false;
    const forward = (from: Socket, to: Socket, counting: boolean) =>
      from.on('data', (chunk: Buffer) => {
        if (counting) {
          sent += chunk.length;
          this.bytesUp += chunk.length;
          if (!marked && sent > this.uploadMark) {
            marked = true;
            this.onUpload?.();
          }
          if (resetAfter !== null && sent > resetAfter) {
            this.resets++;
            client.resetAndDestroy();
            upstream.resetAndDestroy();
            return;
          }
        }
        if (delay > 0) setTimeout(() => to.writable && to.write(chunk), delay);
        else if (to.writable) to.write(chunk);
      });
    forward(client, upstream, true);
    forward(upstream, client, false);
  }
}
