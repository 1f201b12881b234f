import http from 'node:http';
import net from 'node:net';

/** How the fake source answers: like a healthy Prometheus, or one of the ways sources fail. */
export type FaultMode =
  | 'healthy'
  | 'error500'
  | 'html'
  | 'slow'
  | 'infinity'
  | 'emptyBody';

/**
 * A stand-in for a Prometheus that misbehaves, at the edge of the fault tests: what a real
 * Prometheus cannot be made to do on demand (answer 500, HTML, +Inf, nothing, or too late).
 */
export async function startFaultyPrometheus(initial: FaultMode) {
  let mode: FaultMode = initial;
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const isRange = req.url?.includes('query_range');
    switch (mode) {
      case 'error500':
        return json(500, {
          status: 'error',
          errorType: 'internal',
          error: 'query processing would load too many samples',
        });
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      case 'emptyBody':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end('');
      case 'slow':
        setTimeout(
          () =>
            json(200, {
              status: 'success',
              data: { resultType: 'vector', result: [] },
            }),
          3000,
        );
        return undefined;
      case 'infinity':
        return json(200, {
          status: 'success',
          data: isRange
            ? {
                resultType: 'matrix',
                result: [{ metric: {}, values: [[Date.now() / 1000, '+Inf']] }],
              }
            : {
                resultType: 'vector',
                result: [{ metric: {}, value: [Date.now() / 1000, '+Inf'] }],
              },
        });
      default:
        return json(200, {
          status: 'success',
          data: isRange
            ? {
                resultType: 'matrix',
                result: [{ metric: {}, values: [[Date.now() / 1000, '1000']] }],
              }
            : {
                resultType: 'vector',
                result: [{ metric: {}, value: [Date.now() / 1000, '1000'] }],
              },
        });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (next: FaultMode) => {
      mode = next;
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
