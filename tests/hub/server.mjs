// The offline Hub: a local HTTP(S) server that impersonates huggingface.co from fixture data, for the
// extension's browser tests, the benchmark and the demo. See tests/hub/README.md.
//
//   node tests/hub/server.mjs --port 8443 [--http] [--latency 50] [--host 127.0.0.1]
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { loadHubSnapshot } from './fixtures/snapshot.mjs';
import { authFrom, json } from './src/api.mjs';
import { classify, route } from './src/router.mjs';
import { createRateLimiter, rateLimitHeaders } from './src/ratelimit.mjs';
import { ensureCertificate } from './src/certs.mjs';

/**
 * @typedef {import('./src/api.mjs').Reply} Reply
 * @typedef {import('./src/router.mjs').RequestKind} RequestKind
 * @typedef {{ status?: number, retryAfter?: number, rateLimitT?: number, hang?: boolean, delayMs?: number,
 *   malformedJson?: boolean, offline?: boolean, times?: number }} Fault
 * @typedef {string | RegExp | ((url: URL) => boolean)} FaultMatch
 * @typedef {{ method: string, path: string, pathname: string, kind: RequestKind, headers: Record<string, string | string[] | undefined>,
 *   at: number, status?: number, fault?: string, releasedAfter?: number }} LoggedRequest
 */

const EXPOSED_HEADERS =
  'X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {FaultMatch} match @param {URL} url */
function faultMatches(match, url) {
  if (typeof match === 'string') return url.pathname.startsWith(match);
  if (match instanceof RegExp) {
    match.lastIndex = 0;
    const onPath = match.test(url.pathname);
    match.lastIndex = 0;
    return onPath || match.test(url.pathname + url.search);
  }
  return match(url);
}

/** @param {RequestKind} kind @param {number} seconds @param {string} bucket */
function tooManyRequests(kind, seconds, bucket) {
  const message = `You have exceeded the rate limit of the "${bucket}" bucket. Retry in ${seconds} seconds, or log in for higher limits.`;
  return kind === 'api' ? json(429, { error: message }) : { status: 429, body: message, type: 'text/plain; charset=utf-8' };
}

/** An injected HTTP error in the style of the layer that would produce it. @param {number} status @param {RequestKind} kind @returns {Reply} */
function injectedError(status, kind) {
  if (status >= 502 && status <= 504) {
    const title = { 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable', 504: '504 Gateway Time-out' }[status];
    return { status, body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`, type: 'text/html' };
  }
  const message = status >= 500 ? 'Internal Error - We\'re working hard to fix this as soon as possible!' : `Injected fault ${status}`;
  return kind === 'api' ? json(status, { error: message }) : { status, body: message, type: 'text/plain; charset=utf-8' };
}

/** Cut a body in half: never valid JSON again. @param {Reply} reply @returns {Reply} */
function malformed(reply) {
  const body = String(reply.body ?? '');
  return { ...reply, body: body.length >= 2 ? body.slice(0, Math.floor(body.length / 2)) : '{', type: 'application/json; charset=utf-8' };
}

/**
 * @param {{ port?: number, host?: string, protocol?: 'https' | 'http', latencyMs?: number, publicOrigin?: string | 'self',
 *   quotas?: Partial<Record<'api' | 'resolvers' | 'pages', number>>, now?: () => number }} [options]
 */
export async function startOfflineHub(options = {}) {
  const { port = 0, host = '127.0.0.1', protocol = 'https', now = Date.now } = options;
  // Absolute URLs (Link headers) name huggingface.co like the real Hub; 'self' makes them point here.
  let publicOrigin = options.publicOrigin ?? 'https://huggingface.co';
  let latency = options.latencyMs ?? 0;
  const snapshot = loadHubSnapshot();
  const limiter = createRateLimiter({ quotas: options.quotas, now });
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {{ match: FaultMatch, fault: Fault, left: number }[]} */
  let faults = [];
  let counter = 0;
  /** Per-model page variants a test switches on (a card tab without ModelHeader props, a held load). */
  /** @type {Map<string, import('./src/pages.mjs').PageVariant>} */
  const pageVariants = new Map();

  /** @param {URL} url */
  const takeFault = (url) => {
    const rule = faults.find((f) => faultMatches(f.match, url));
    if (!rule) return undefined;
    rule.left -= 1;
    if (rule.left <= 0) faults = faults.filter((f) => f !== rule);
    return rule.fault;
  };

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://huggingface.co');
    const kind = classify(url.pathname);
    /** @type {LoggedRequest} */
    const entry = { method: req.method ?? 'GET', path: url.pathname + url.search, pathname: url.pathname, kind, headers: { ...req.headers }, at: now() };
    requests.push(entry);
    if (latency > 0) await sleep(latency);

    const fault = takeFault(url);
    if (fault?.offline) {
      entry.fault = 'offline';
      req.socket.destroy();
      return;
    }
    if (fault?.hang) {
      entry.fault = 'hang';
      return; // never answered; close() drops the connection
    }
    if (fault?.delayMs) await sleep(fault.delayMs);
    // A resource that holds the page's load event; notes how many requests had arrived when it let go.
    if (url.pathname === '/front/hold.svg') {
      await sleep(Math.min(30_000, Number(url.searchParams.get('ms')) || 0));
      entry.releasedAfter = requests.length;
    }

    const auth = authFrom(req.headers);
    const caller = auth.kind === 'user' ? 'user' : 'anonymous';
    const bucket = kind === 'other' ? null : kind;
    /** @type {Reply} */
    let reply;
    /** @type {Record<string, string>} */
    let limitHeaders = {};
    if (fault?.status) {
      entry.fault = `status ${fault.status}`;
      const state = bucket ? limiter.peek(bucket, caller) : null;
      if (fault.status === 429 && bucket && state) {
        const seconds = fault.rateLimitT ?? fault.retryAfter ?? state.resetSeconds;
        reply = tooManyRequests(kind, seconds, bucket);
        limitHeaders = rateLimitHeaders({ ...state, remaining: 0, resetSeconds: seconds });
      } else {
        reply = injectedError(fault.status, kind);
        if (state) limitHeaders = rateLimitHeaders(state);
      }
      if (fault.retryAfter !== undefined) reply.headers = { ...reply.headers, 'Retry-After': String(fault.retryAfter) };
    } else if (req.method === 'OPTIONS') {
      reply = {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        },
      };
    } else {
      const state = bucket ? limiter.take(bucket, caller) : null;
      if (state) limitHeaders = rateLimitHeaders(state);
      if (state?.exceeded) reply = tooManyRequests(kind, state.resetSeconds, state.bucket);
      else if (req.method !== 'GET' && req.method !== 'HEAD') reply = json(405, { error: 'Method not allowed by the offline Hub' });
      else {
        try {
          reply = route({ url, method: req.method, snapshot, auth, publicOrigin, pageVariants });
        } catch (error) {
          reply = json(500, { error: `offline hub bug: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
    }
    if (fault?.malformedJson) {
      entry.fault = entry.fault ? `${entry.fault}, malformed` : 'malformed';
      reply = malformed(reply);
    }

    counter += 1;
    const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(reply.body);
    /** @type {Record<string, string>} */
    const headers = {
      'X-Powered-By': 'huggingface-moon',
      'X-Request-Id': `Root=1-${Math.floor(now() / 1000).toString(16).padStart(8, '0')}-${counter.toString(16).padStart(24, '0')}`,
      ...limitHeaders,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    };
    if (kind === 'api' || kind === 'resolvers') {
      // Observed value without an Origin header; the Hub's `Vary: Origin` suggests it reflects the caller.
      headers['Access-Control-Allow-Origin'] = typeof req.headers.origin === 'string' ? req.headers.origin : 'https://huggingface.co';
      headers.Vary = 'Origin';
      headers['Access-Control-Max-Age'] = '86400';
      headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
    } else if (kind === 'pages') {
      headers['X-Frame-Options'] = 'DENY';
    }
    if (reply.type) headers['Content-Type'] = reply.type;
    if (reply.status === 200 && reply.type?.startsWith('application/json')) {
      headers.ETag = `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
    }
    Object.assign(headers, reply.headers);
    headers['Content-Length'] = String(body.length);
    entry.status = reply.status;
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /** @type {import('node:http').RequestListener} */
  const listener = (req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  };
  let ca;
  let server;
  if (protocol === 'https') {
    const certificate = await ensureCertificate();
    ca = certificate.cert;
    server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, listener);
  } else {
    server = createHttpServer(listener);
  }
  // Long idle keep-alive like a CDN: a 5 s server-side close races with the browser reusing the socket.
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const origin = `${protocol}://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  if (publicOrigin === 'self') publicOrigin = origin;

  return {
    port: boundPort,
    origin,
    /** PEM of the self-signed certificate (https only), for clients that want to verify it. */
    ca,
    snapshot,
    requests,
    resetRequests() {
      requests.length = 0;
    },
    /** @param {number} ms */
    setLatency(ms) {
      latency = ms;
    },
    /** @param {FaultMatch} match @param {Fault} fault */
    setFault(match, fault) {
      const rule = { match, fault, left: fault.times ?? Number.POSITIVE_INFINITY };
      faults = [rule, ...faults]; // the newest rule wins
      return () => {
        faults = faults.filter((f) => f !== rule);
      };
    },
    clearFaults() {
      faults = [];
      pageVariants.clear();
    },
    /** Serves `id`'s model card tab as `variant` says until clearFaults(). @param {string} id @param {import('./src/pages.mjs').PageVariant} variant */
    setPageVariant(id, variant) {
      pageVariants.set(id, variant);
    },
    resetRateLimits() {
      limiter.reset();
    },
    /** @param {Partial<Record<'api' | 'resolvers' | 'pages', number>>} quotas */
    setQuotas(quotas) {
      limiter.setQuotas(quotas);
    },
    /** Another client on this IP (the user's own scripts) spends `count` requests of the current window. */
    spendQuota(/** @type {'api' | 'resolvers' | 'pages'} */ bucket, /** @type {number} */ count) {
      for (let i = 0; i < count; i += 1) limiter.take(bucket, 'anonymous');
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ port: number, host: string, protocol: 'https' | 'http', latencyMs: number }} */
  const options = { port: 8443, host: '127.0.0.1', protocol: 'https', latencyMs: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--http') options.protocol = 'http';
    else if (arg === '--https') options.protocol = 'https';
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--host') options.host = argv[++i];
    else if (arg === '--latency') options.latencyMs = Number(argv[++i]);
    else throw new Error(`unknown argument ${arg} (use --port N, --host H, --http, --latency MS)`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let cliOptions;
  try {
    cliOptions = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const hub = await startOfflineHub(cliOptions);
  console.log(hub.origin);
  const stop = () => hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
