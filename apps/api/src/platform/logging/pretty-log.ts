/**
 * LOG_FORMAT=pretty (`npm start` in demo mode): one short line per event for a person at a
 * terminal, `12:03:07 GET /api/applicant-files 200 12 ms`, warnings and errors labelled, an error's
 * stack below it. It reads the JSON lines the logger writes, after redaction, so it shows nothing
 * the JSON does not. Production keeps the JSON lines, which log collectors read.
 */
interface Entry {
  level?: number;
  time?: number;
  msg?: string;
  context?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: {
    type?: string;
    message?: string;
    stack?: string;
    code?: string;
    table?: string;
    constraint?: string;
  };
  [field: string]: unknown;
}

/** Fields the line shows in its own way, or leaves out (the process and the machine). */
const OWN_FIELDS = new Set([
  'level',
  'time',
  'msg',
  'context',
  'req',
  'res',
  'responseTime',
  'err',
  'pid',
  'hostname',
]);

/** Nest's start-up lines, one per module, controller and route: summed up by the « started » line. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const STARTED = 'Nest application successfully started';

const LABELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLORS: Record<number, string> = { 40: '33', 50: '31', 60: '31' };

const INFO = 30;

const fieldValue = (value: unknown): string =>
  typeof value === 'string' && /^\S+$/.test(value) ? value : JSON.stringify(value);

export class PrettyLog {
  private routes = 0;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly color = false,
  ) {}

  /** pino's destination: JSON lines. A line that is not JSON passes as it is. */
  write(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (!line) continue;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        this.out.write(`${line}\n`);
        continue;
      }
      if (typeof entry === 'object' && entry !== null) this.entry(entry as Entry);
    }
  }

  /** One entry, as main.ts writes its own before the logger exists. */
  entry(entry: Entry): void {
    const text = this.format(entry);
    if (text !== null) this.out.write(`${text}\n`);
  }

  format(entry: Entry): string | null {
    const level = entry.level ?? INFO;
    if (level <= INFO && entry.context && START_UP_CONTEXTS.has(entry.context)) {
      if (entry.context === 'RouterExplorer') this.routes++;
      return null;
    }
    let text: string;
    if (entry.context === 'NestApplication' && entry.msg === STARTED) {
      text = `API started: ${this.routes} routes`;
    } else if (entry.req?.method && entry.res) {
      const aborted = entry.msg === 'request aborted' ? ' (aborted)' : '';
      text = `${entry.req.method} ${entry.req.url ?? ''} ${entry.res.statusCode ?? ''} ${entry.responseTime ?? '?'} ms${aborted}`;
    } else {
      const fields = Object.entries(entry)
        .filter(([field, value]) => !OWN_FIELDS.has(field) && value !== undefined)
        .map(([field, value]) => `${field}=${fieldValue(value)}`);
      text = [entry.context ? `${entry.context}: ${entry.msg ?? ''}` : (entry.msg ?? ''), ...fields].join(
        ' ',
      );
    }
    const label = LABELS[level];
    const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
    let line = `${this.paint('2', time)} ${label ? `${this.paint(COLORS[level], label)} ` : ''}${text}`;
    if (entry.err) line += `\n${this.error(entry.err)}`;
    return line;
  }

  private error(err: NonNullable<Entry['err']>): string {
    const names = (['code', 'table', 'constraint'] as const)
      .filter((field) => err[field])
      .map((field) => `${field} ${err[field]}`);
    const first = `${err.type ?? 'Error'}: ${err.message ?? ''}${names.length ? ` (${names.join(', ')})` : ''}`;
    const frames = (err.stack ?? '').split('\n').filter((frame) => /^\s+at /.test(frame));
    return [first, ...frames.map((frame) => frame.trim())].map((part) => `    ${part}`).join('\n');
  }

  private paint(code: string | undefined, text: string): string {
    return this.color && code ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}
