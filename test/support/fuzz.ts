/**
 * The fuzz test's oracles and drivers: what an answer of the service may be,
 * whatever the client sent, and how to send one random HTTP request or one
 * random sequence of WebSocket frames to a live service and collect
 * everything that came back.
 *
 * An answer is acceptable when it is never a 5xx, never carries an internal
 * message (a stack frame, an `Error:` prefix, a Cognito exception or its text,
 * a file path, a token the client sent), and is either a valid GraphQL
 * response (JSON with `data` and/or well-formed `errors`, per GraphQL over
 * HTTP) or a proper HTTP error (a 4xx). Text the client itself sent may come
 * back (a parse error quotes the document): a marker counts as a leak only
 * when it is not in what was sent.
 */
import WebSocket from 'ws';

/** Markers of an internal message; each match that the client did not send is a leak. */
const LEAK_MARKERS: readonly [what: string, pattern: RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)|\bat (?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/g],
  // graphql-js's own "Syntax Error: ..." is the one expected message with this shape.
  ['an error prefix', /(?<!Syntax )\b[A-Za-z]*Error: /g],
  ['a Cognito exception name', /\b[A-Z][A-Za-z]*Exception\b/g],
  ['a source path', /node_modules|file:\/\/|\/work\/|\b[\w-]+\.(?:ts|js|mjs|cjs):\d+/g],
  [
    "Cognito's or the emulator's text",
    /User does not exist|User Pool \S+ not found|App Client \S+ not found|Missing required parameter|Unsupported x-amz-target|Incorrect confirmation code|User is not confirmed|Resource not found|Invalid Lambda response|Access Token has|validation error detected|Invalid Access Token|x-amz-|\$metadata|httpStatusCode|cognito-local/gi,
  ],
  ['a token verifier message', /Jwt[A-Za-z]*Error|JWKS|Token expired at|Invalid token_use|Missing Token use|kid not found/gi],
  ['a masked internal error', /Unexpected error\.|INTERNAL_SERVER_ERROR/g],
];

/** The internal messages in `text` that are not part of `sent`. */
export function leaksIn(text: string, sent: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of LEAK_MARKERS) {
    for (const match of text.matchAll(pattern)) {
      if (!sent.includes(match[0])) found.push(`${what}: ${JSON.stringify(match[0])}`);
    }
  }
  return found;
}

/** Tokens (or other secrets) the client sent that must never come back: `Bearer x` gives `x`. */
export function secretsOf(authorization: string | undefined): string[] {
  if (!authorization) return [];
  const token = authorization.replace(/^\s*bearer\s+/i, '').trim();
  // Short or repetitive values could appear in a body by chance (GraphiQL's
  // favicon holds long runs of "A"); tokens are long and varied.
  return token.length >= 24 && new Set(token).size >= 8 ? [token] : [];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with `value` as one GraphQL response (or one incremental
 * payload): an object with `data` and/or a non-empty `errors` list whose
 * entries have a string `message`, and no masked internal error.
 */
export function graphQLResponseProblems(value: unknown, options: { incremental?: boolean } = {}): string[] {
  if (!isObject(value)) return [`not a JSON object: ${JSON.stringify(value)?.slice(0, 200)}`];
  const problems: string[] = [];
  const allowed = options.incremental ? ['data', 'errors', 'extensions', 'hasNext', 'incremental', 'path', 'label', 'items'] : ['data', 'errors', 'extensions'];
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) problems.push(`unexpected keys ${extra.join(', ')}`);
  if (!options.incremental && !('data' in value) && !('errors' in value)) problems.push('neither data nor errors');
  if ('data' in value && value.data !== null && !isObject(value.data)) problems.push('data is neither an object nor null');
  if ('errors' in value) {
    if (!Array.isArray(value.errors) || value.errors.length === 0) problems.push('errors is not a non-empty list');
    else {
      for (const error of value.errors) {
        if (!isObject(error) || typeof error.message !== 'string') problems.push(`an error without a message: ${JSON.stringify(error)?.slice(0, 200)}`);
        else if (isObject(error.extensions) && error.extensions.code === 'INTERNAL_SERVER_ERROR') problems.push(`a masked internal error: ${error.message}`);
      }
    }
  }
  return problems;
}

/** One HTTP request as the fuzz test sends it. */
export interface FuzzRequest {
  method: string;
  /** Path and query, e.g. `/graphql?query=...`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** What came back, read within a time budget (an event stream is cut after its first events). */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** How long one request may take before the fuzz test calls it a hang, in ms. */
const REQUEST_TIMEOUT_MS = 10_000;
/** How long an event stream is read before the client hangs up, in ms. */
const STREAM_READ_MS = 300;

/** Sends `request` to `baseUrl`; a stream is read for {@link STREAM_READ_MS}, then cancelled. */
export async function send(baseUrl: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const abort = new AbortController();
  const hang = setTimeout(() => abort.abort(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: abort.signal,
      ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
    });
    const contentType = response.headers.get('content-type') ?? '';
    let text = '';
    if (response.body) {
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const streaming = /text\/event-stream|multipart\/mixed/.test(contentType);
      const cut = streaming ? setTimeout(() => void reader.cancel().catch(() => {}), STREAM_READ_MS) : undefined;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch (error) {
        // A stream the client hung up on ends here; anything else is the server's failure.
        if (!streaming) throw error;
      } finally {
        clearTimeout(cut);
      }
    }
    return { status: response.status, contentType, text };
  } finally {
    clearTimeout(hang);
  }
}

const JSON_TYPE = /^application\/(?:graphql-response\+)?json\b/i;

/** The `data:` payloads of the complete events of an event stream (`event:` lines aside). */
function eventPayloads(text: string): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split('\n\n');
  blocks.pop(); // the last block may have been cut off
  const payloads: string[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0 && data.join('') !== '') payloads.push(data.join('\n'));
  }
  return payloads;
}

/** The JSON parts of a `multipart/mixed` answer (incremental delivery). */
function multipartPayloads(text: string): string[] {
  return text
    .split(/\r\n-{3,}/)
    .map((part) => part.split('\r\n\r\n').slice(1).join('\r\n\r\n').trim())
    .filter((body) => body.startsWith('{') || body.startsWith('['));
}

/**
 * What is wrong with `answer` as the service's reply to `request`: a 5xx, a
 * leak, JSON that is not a GraphQL response, a response with data but a
 * non-2xx status, or a body that is neither a GraphQL response nor part of a
 * proper HTTP error.
 */
export function answerProblems(request: FuzzRequest, answer: FuzzAnswer): string[] {
  const problems: string[] = [];
  const { status, contentType, text } = answer;
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (status >= 300 && status < 400) problems.push(`a redirect (${status})`);
  const sent = `${request.method} ${decodeURIComponentSafe(request.path)} ${request.path} ${JSON.stringify(request.headers)} ${
    typeof request.body === 'string' ? request.body : request.body ? Buffer.from(request.body).toString('latin1') : ''
  }`;
  // GraphiQL's page is static and its script is full of `onError: `-like names: only secrets count there.
  if (!/^text\/html/i.test(contentType)) problems.push(...leaksIn(text, sent));
  for (const secret of secretsOf(request.headers.authorization ?? request.headers.Authorization)) {
    if (text.includes(secret)) problems.push('the token sent came back');
  }

  const parse = (payload: string, what: string): unknown => {
    try {
      return JSON.parse(payload);
    } catch {
      problems.push(`${what} is not JSON: ${payload.slice(0, 200)}`);
      return undefined;
    }
  };

  if (JSON_TYPE.test(contentType)) {
    if (request.method === 'HEAD') return problems;
    const body = parse(text, 'the body');
    if (body === undefined) return problems;
    const results = Array.isArray(body) ? body : [body];
    if (Array.isArray(body) && (status < 200 || status >= 300)) problems.push(`a batch answered with HTTP ${status}`);
    for (const result of results) {
      problems.push(...graphQLResponseProblems(result));
      if (isObject(result) && isObject(result.data) && (status < 200 || status >= 300)) problems.push(`data with HTTP ${status}`);
    }
  } else if (/^text\/event-stream/i.test(contentType)) {
    for (const payload of eventPayloads(text)) {
      const result = parse(payload, 'an event');
      // A batch comes as one event holding the list of its results.
      for (const one of Array.isArray(result) ? result : result === undefined ? [] : [result]) problems.push(...graphQLResponseProblems(one));
    }
  } else if (/^multipart\/mixed/i.test(contentType)) {
    for (const payload of multipartPayloads(text)) {
      const result = parse(payload, 'a part');
      for (const one of Array.isArray(result) ? result : result === undefined ? [] : [result]) {
        problems.push(...graphQLResponseProblems(one, { incremental: true }));
      }
    }
  } else if (/^text\/html/i.test(contentType)) {
    // GraphiQL (200) or Yoga's landing page for an unknown path (404), on a GET that asked for HTML.
    if (request.method !== 'GET' || !/text\/html|\*\/\*/.test(headerOf(request, 'accept') ?? '')) problems.push(`HTML (${status}) for a request that did not ask for it`);
  } else if (status >= 200 && status < 300 && text.trim() !== '') {
    problems.push(`HTTP ${status} with a ${contentType || 'untyped'} body that is not a GraphQL response: ${text.slice(0, 200)}`);
  }
  return problems;
}

function headerOf(request: FuzzRequest, name: string): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : request.headers[key];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** One frame a WebSocket client sends. */
export type FuzzFrame = { text: string } | { binary: Uint8Array };

/** Everything one fuzzed WebSocket session saw. */
export interface FuzzSession {
  /** The frames the server sent, as text. */
  received: string[];
  /** How the socket ended: the code, the reason, and who closed it first. */
  close: { code: number; reason: string; byServer: boolean };
  /** Errors the client's socket reported after it opened (e.g. a frame it could not read). */
  errors: string[];
}

/** How long a session waits for more server frames once the client has sent everything, in ms. */
const SESSION_IDLE_MS = 150;
/** The longest a session may last before the client ends it, in ms. */
const SESSION_MAX_MS = 3_000;

/**
 * Opens a WebSocket to `url` offering `protocols`, sends `frames` one after
 * another, waits until the server has been quiet for a moment (or closed the
 * socket), then closes from the client side if it is still open. With
 * `options.init`, that frame goes first and the others wait for the server's
 * first answer (its `connection_ack`), so they reach an acknowledged connection.
 */
export async function wsSession(
  url: string,
  protocols: readonly string[],
  frames: readonly FuzzFrame[],
  options: { init?: FuzzFrame } = {},
): Promise<FuzzSession> {
  const ws = new WebSocket(url, [...protocols]);
  const received: string[] = [];
  let lastActivity = Date.now();
  let clientClosed = false;
  ws.on('message', (data, isBinary) => {
    received.push(isBinary ? `<binary ${String(data).length}>` : String(data));
    lastActivity = Date.now();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  const errors: Error[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.on('error', (error) => {
      errors.push(error);
      reject(new Error(`the WebSocket did not open: ${error.message}`));
    });
  });
  if (options.init) {
    const answered = new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.once('close', () => resolve());
    });
    ws.send('text' in options.init ? options.init.text : options.init.binary);
    await answered;
  }
  for (const frame of frames) {
    if (ws.readyState !== WebSocket.OPEN) break;
    await new Promise<void>((resolve) => ws.send('text' in frame ? frame.text : frame.binary, () => resolve()));
  }
  const started = Date.now();
  let ending: NodeJS.Timeout | undefined;
  const quiet = new Promise<void>((resolve) => {
    const check = () => {
      if (ws.readyState !== WebSocket.OPEN || Date.now() - lastActivity >= SESSION_IDLE_MS || Date.now() - started >= SESSION_MAX_MS) return resolve();
      ending = setTimeout(check, SESSION_IDLE_MS / 3);
    };
    check();
  });
  await Promise.race([quiet, closed]);
  clearTimeout(ending);
  if (ws.readyState === WebSocket.OPEN) {
    clientClosed = true;
    ws.close(1000, 'fuzz done');
  }
  const close = await closed;
  return { received, close: { ...close, byServer: !clientClosed }, errors: errors.map((e) => e.message) };
}

/** Close codes the server may use on a misbehaving client (graphql-ws's and RFC 6455's client faults). */
const ACCEPTABLE_SERVER_CLOSES = new Set([
  1000, // normal
  1001, // going away (shutdown)
  1002, // protocol error (a malformed frame, found by ws)
  1007, // invalid frame payload data (not UTF-8)
  1009, // message too big (MAX_BODY_BYTES)
  4400, // bad request: a malformed message
  4401, // unauthorized: subscribe before connection_ack
  4403, // forbidden: no valid token in connection_init
  4406, // subprotocol not acceptable
  4409, // subscriber already exists
  4429, // too many initialisation requests
]);

/** The protocol's server-to-client message types. */
const SERVER_MESSAGE_TYPES = new Set(['connection_ack', 'ping', 'pong', 'next', 'error', 'complete']);

/** What is wrong with what the server did in a fuzzed WebSocket session. */
export function sessionProblems(frames: readonly FuzzFrame[], session: FuzzSession, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  const sent = frames.map((f) => ('text' in f ? f.text : Buffer.from(f.binary).toString('latin1'))).join('\n');
  const { code, reason, byServer } = session.close;
  if (byServer && !ACCEPTABLE_SERVER_CLOSES.has(code)) problems.push(`the server closed with ${code} ${JSON.stringify(reason)}`);
  if (!byServer && code !== 1000) problems.push(`the client's close was answered with ${code} ${JSON.stringify(reason)}`);
  problems.push(...session.errors.map((e) => `the client's socket failed: ${e}`));
  problems.push(...leaksIn(reason, sent));
  for (const text of session.received) {
    problems.push(...leaksIn(text, sent));
    for (const secret of secrets) if (text.includes(secret)) problems.push('a token came back');
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      problems.push(`a frame that is not JSON: ${text.slice(0, 200)}`);
      continue;
    }
    if (!isObject(message) || typeof message.type !== 'string' || !SERVER_MESSAGE_TYPES.has(message.type)) {
      problems.push(`not a protocol message: ${text.slice(0, 200)}`);
      continue;
    }
    if (message.type === 'next') problems.push(...graphQLResponseProblems(message.payload).map((p) => `next: ${p}`));
    if (message.type === 'error') {
      const errors = message.payload;
      if (!Array.isArray(errors) || errors.length === 0) problems.push(`error without errors: ${text.slice(0, 200)}`);
      else problems.push(...graphQLResponseProblems({ errors }).map((p) => `error: ${p}`));
    }
  }
  return problems;
}
