/**
 * The one way an error reaches the logs (pino's `err` serializer, AppLogger's messages). A failed
 * statement carries what it was sent: TypeORM's QueryFailedError keeps the query's `parameters`,
 * and PostgreSQL's `detail` quotes the key or the whole row (« Failing row contains (…) »), its
 * `where` the parameters of the statement. Only what names the failure is kept: the error's
 * class, its message when it cannot carry values, PostgreSQL's code, severity, routine, schema,
 * table, column, type and constraint names, and the stack.
 */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  severity?: string;
  routine?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  position?: string;
  status?: number;
  cause?: SerializedError;
  errors?: SerializedError[];
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * SQLSTATE classes whose messages name objects, never values: connection (08), integrity
 * constraints (23: the values are in `detail`, dropped), transaction state (25), authorisation
 * (28), catalogue and schema names (3D, 3F), serialisation and deadlock (40), syntax and access
 * (42: our statements carry their values as parameters, never in their text), resources and
 * limits (53, 54), object state and locks (55), operator intervention (57). Data exceptions (22,
 * « invalid input syntax for type uuid: "…" »), PL/pgSQL's RAISE (P0), internal errors (XX) and
 * any other class may quote a value: their message is withheld, their code says what failed.
 */
const MESSAGE_SAFE_CLASSES = new Set([
  '08',
  '23',
  '25',
  '28',
  '3D',
  '3F',
  '40',
  '42',
  '53',
  '54',
  '55',
  '57',
]);

/** PostgreSQL's fields that name things; `detail`, `hint`, `where`, `internalQuery` may quote values. */
const NAMING_FIELDS = ['severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/** The PostgreSQL error behind `error` (TypeORM wraps pg's in `driverError`), if it is one. */
function databaseErrorOf(error: Fields): (Fields & { code: string }) | undefined {
  const candidate = isRecord(error['driverError']) ? error['driverError'] : error;
  const code = candidate['code'];
  return typeof code === 'string' && SQLSTATE.test(code) && typeof candidate['severity'] === 'string'
    ? (candidate as Fields & { code: string })
    : undefined;
}

/** What may be said of an error: its message, unless PostgreSQL's message may quote a value. */
export function safeErrorMessage(error: unknown): string {
  if (!isRecord(error)) return String(error);
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  const database = databaseErrorOf(error);
  if (!database || MESSAGE_SAFE_CLASSES.has(database.code.slice(0, 2))) return message;
  return `PostgreSQL error ${database.code} (message withheld: it may quote the values sent)`;
}

function typeOf(error: Fields): string {
  const constructor = error['constructor'];
  if (typeof constructor === 'function' && constructor.name && constructor !== Object)
    return constructor.name;
  return typeof error['name'] === 'string' ? error['name'] : 'Error';
}

/** The stack's frames under a header rebuilt from the safe message (V8 copies the message there). */
function safeStack(stack: unknown, header: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.search(/\n\s+at /);
  return frames < 0 ? header : `${header}${stack.slice(frames)}`;
}

const MAX_DEPTH = 3;

/** pino's `err` serializer: the error by its names and stack, without the values it carries. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!isRecord(error)) return { type: typeof error, message: String(error) };
  const type = typeOf(error);
  const message = safeErrorMessage(error);
  const serialized: SerializedError = { type, message };
  const stack = safeStack(error['stack'], `${type}: ${message}`);
  if (stack) serialized.stack = stack;
  const database = databaseErrorOf(error);
  if (database) {
    serialized.code = database.code;
    for (const field of NAMING_FIELDS) {
      const value = database[field];
      if (typeof value === 'string') serialized[field] = value;
    }
    if (typeof database['position'] === 'string') serialized.position = database['position'];
  } else if (typeof error['code'] === 'string' || typeof error['code'] === 'number') {
    // Node's system errors (ECONNREFUSED…), pg's own.
    serialized.code = String(error['code']);
  }
  const status = error['status'] ?? error['statusCode'];
  if (typeof status === 'number') serialized.status = status;
  if (depth < MAX_DEPTH) {
    if (isRecord(error['cause'])) serialized.cause = serializeError(error['cause'], depth + 1);
    if (Array.isArray(error['errors']))
      serialized.errors = error['errors']
        .slice(0, 10)
        .map((each: unknown) => serializeError(each, depth + 1));
  }
  return serialized;
}
