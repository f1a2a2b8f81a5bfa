/**
 * Whether an error says that PostgreSQL cannot be reached now (down, restarting, crashed in the
 * middle of a statement, every connection taken past the pool's wait), rather than that a statement
 * or its values are wrong. Such a request is answered 503 with Retry-After (API.md), never 500: the
 * same request may succeed in a few seconds. The pool drops a dead connection and opens a new one
 * on demand, so the API serves again as soon as PostgreSQL is back, without a restart.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const fields = error as Record<string, unknown>;
  const code = fields['code'];
  const message = typeof fields['message'] === 'string' ? fields['message'] : '';
  if (typeof code === 'string') {
    // PostgreSQL's own answer (a severity comes with it): connection exception, or shutting down,
    // crashed, starting up, or out of connection slots.
    if (typeof fields['severity'] === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)))
      return true;
    // The socket: refused, reset, unreachable, or (ENOENT) no Unix socket while the server is down.
    if (NETWORK_CODES.has(code) || (code === 'ENOENT' && fields['syscall'] === 'connect')) return true;
  }
  if (DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // A transaction whose connection died between two statements: TypeORM released its runner.
  if (fields['name'] === 'QueryRunnerAlreadyReleasedError') return true;
  // TypeORM wraps pg's error in `driverError`; Node's connect may fail as an AggregateError (IPv4 and IPv6).
  const inner = [
    fields['driverError'],
    fields['cause'],
    ...(Array.isArray(fields['errors']) ? fields['errors'] : []),
  ];
  return inner.some((each) => each !== error && isDatabaseUnavailable(each, depth + 1));
}

/** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, recovering), too_many_connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

/** pg's and pg-pool's words when the connection is gone, or none could be had in time. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** Seconds a client should wait before asking again (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
