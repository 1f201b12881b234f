import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One PromQL query a backend sent (instant: `/api/v1/query`, range: `/api/v1/query_range`). */
export interface ProxiedQuery {
  kind: 'instant' | 'range';
  query: string;
  /** The query's evaluation time (instant) or range end, epoch ms. */
  at: number;
  /** When the proxy received it, epoch ms. */
  receivedAt: number;
}

const QUERY_PATHS: Record<string, ProxiedQuery['kind']> = {
  '/api/v1/query': 'instant',
  '/api/v1/query_range': 'range',
};

/**
 * A recording proxy in front of a Prometheus, for tests: a backend configured with its URL sends
 * every query through it, so a test knows which backend sent which query and when. It can also
 * hold a query (never answer it): the backend that sent it is then known to be in the middle of
 * an evaluation.
 */
export class QueryProxy {
  /** Queries forwarded to Prometheus (and answered), in the order received. */
  readonly forwarded: ProxiedQuery[] = [];
  /** Queries held, never forwarded. */
  readonly held: ProxiedQuery[] = [];
  private holdNext?: (query: ProxiedQuery) => void;
  private readonly server: http.Server;
  /** Its base URL, to configure as the backend's metric source. */
  url = '';

  private constructor(target: string) {
    this.server = http.createServer((req, res) =>
      this.handle(target, req, res),
    );
  }

  /** Starts a proxy to `target` (a Prometheus base URL) on a free loopback port. */
  static async start(target: string): Promise<QueryProxy> {
    const proxy = new QueryProxy(target);
    await new Promise<void>(resolve =>
      proxy.server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = proxy.server.address() as AddressInfo;
    proxy.url = `http://127.0.0.1:${port}`;
    return proxy;
  }

  /**
   * Resolves with the next query received from now on, which is held: neither forwarded nor
   * answered while the proxy runs.
   */
  holdNextQuery(): Promise<ProxiedQuery> {
    return new Promise(resolve => {
      this.holdNext = resolve;
    });
  }

  /** Forwards queries again instead of holding the next one. */
  cancelHold(): void {
    this.holdNext = undefined;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  private async handle(
    target: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', target);
    const kind = QUERY_PATHS[url.pathname];
    if (kind) {
      const params = new URLSearchParams(url.search);
      if (req.method === 'POST') {
        for (const [key, value] of new URLSearchParams(body.toString()))
          params.set(key, value);
      }
      const query: ProxiedQuery = {
        kind,
        query: params.get('query') ?? '',
        at: toMs(params.get(kind === 'instant' ? 'time' : 'end')),
        receivedAt: Date.now(),
      };
      if (this.holdNext) {
        const resolve = this.holdNext;
        this.holdNext = undefined;
        this.held.push(query);
        resolve(query);
        return;
      }
      this.forwarded.push(query);
    }
    const upstream = http.request(
      url,
      { method: req.method, headers: { ...req.headers, host: url.host } },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', error => {
      res.writeHead(502).end(String(error));
    });
    upstream.end(body);
  }
}

/** A Prometheus time parameter (Unix seconds or RFC 3339) as epoch ms; NaN when absent. */
function toMs(value: string | null): number {
  if (value === null) return NaN;
  const seconds = Number(value);
  return Number.isFinite(seconds)
    ? Math.round(seconds * 1000)
    : Date.parse(value);
}
