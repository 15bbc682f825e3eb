/**
 * The embedded demo answers only requests addressed to loopback: `Host`
 * must be 127.0.0.1, localhost or [::1] (any port), else 421 Misdirected
 * Request, before anything else runs (GraphiQL and /health included). It
 * listens on loopback only, but a web page can rebind its own DNS name to
 * 127.0.0.1 and then read GraphiQL (alice's pre-filled admin token),
 * /demo/config.json or the emulator as same-origin; its requests carry its
 * own name in `Host`. The service's WebSocket upgrade is held to the same rule
 * (src/server/graphql-ws.ts), and so is the emulator (src/embedded/emulator.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isLoopbackHostHeader } from '../config.js';

/** `handler`, answering 421 instead for a request to any other `Host`. */
export function loopbackOnly(handler: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    if (isLoopbackHostHeader(req.headers.host)) return handler(req, res);
    res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('This demo answers requests to 127.0.0.1, localhost or [::1] only.\n');
  };
}
