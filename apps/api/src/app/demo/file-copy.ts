import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  FILE_COLUMNS,
  FILE_ORGANIZATION_COLUMNS,
  FileRowEncoder,
  type LoaderReferences,
  type RowValue,
  TIMELINE_COLUMNS,
} from './file-loader';
import type { SyntheticFile } from './synthetic-files';

/**
 * The big loads: the rows of `file-loader.ts` streamed through `COPY … FROM STDIN` (text format),
 * one stream per table, each on its own connection, written in lockstep with the generator and
 * with back-pressure. Kept apart from `file-loader.ts` so that the API never loads pg-copy-streams.
 */

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopy(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c] ?? c) : text;
}

/** `{"a","b"}`: every element quoted, so that no word is ever read as NULL. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function copyField(value: RowValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeCopy(value);
  if (Array.isArray(value)) return escapeCopy(arrayLiteral(value as readonly string[]));
  return escapeCopy(JSON.stringify((value as { json: unknown }).json));
}

export function copyLine(row: readonly RowValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i] as RowValue);
  return `${line}\n`;
}

/** Buffered ahead per stream: the generator keeps working while the server ingests. */
const HIGH_WATER = 16 * 1024 * 1024;
const LOW_WATER = 4 * 1024 * 1024;
/** A COPY that takes nothing for this long has stalled. */
const STALL_MS = 5 * 60_000;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One COPY stream into one table, on its own connection. */
export class CopyStream {
  private readonly stream: Writable;
  private failure: Error | null = null;

  constructor(client: ClientBase, table: string, columns: readonly { name: string }[]) {
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    this.stream = client.query(
      copyFrom(`COPY "${table}" (${names}) FROM STDIN`, { highWaterMark: HIGH_WATER }),
    );
    this.stream.on('error', (error: Error) => (this.failure = error));
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Queues a chunk. Past the high-water mark, waits until the server has taken the queue down to
   * the low-water mark (not to empty, as 'drain' would: the server never waits for the generator).
   */
  async write(text: string): Promise<void> {
    this.check();
    if (!text || this.stream.write(text)) return;
    const deadline = Date.now() + STALL_MS;
    while (this.stream.writableLength > LOW_WATER) {
      this.check();
      if (Date.now() > deadline) throw new Error(`COPY took nothing for ${STALL_MS / 1000} s`);
      await pause(5);
    }
  }

  /** Ends the COPY and waits for the server to acknowledge every row. */
  async end(): Promise<void> {
    this.check();
    this.stream.end();
    await finished(this.stream);
  }
}

export interface CopyClients {
  files: ClientBase;
  organizations: ClientBase;
  events: ClientBase;
}

export interface CopyProgress {
  files: number;
  events: number;
}

/**
 * Streams `files` into the three tables. The clients should not check foreign keys row by row
 * (`session_replication_role = replica`) when they write concurrently: a file's events may then
 * reach the server before the file itself.
 */
export async function copyFiles(
  clients: CopyClients,
  files: Iterable<SyntheticFile>,
  references: LoaderReferences,
  { chunkSize = 1000, onChunk }: { chunkSize?: number; onChunk?: (progress: CopyProgress) => void } = {},
): Promise<CopyProgress> {
  const encoder = new FileRowEncoder(references);
  const streams = {
    files: new CopyStream(clients.files, 'applicant_file', FILE_COLUMNS),
    organizations: new CopyStream(clients.organizations, 'file_organization', FILE_ORGANIZATION_COLUMNS),
    events: new CopyStream(clients.events, 'timeline_event', TIMELINE_COLUMNS),
  };
  const progress: CopyProgress = { files: 0, events: 0 };
  let fileText = '';
  let organizationText = '';
  let eventText = '';
  let inChunk = 0;
  const flush = async () => {
    await Promise.all([
      streams.files.write(fileText),
      streams.organizations.write(organizationText),
      streams.events.write(eventText),
    ]);
    fileText = organizationText = eventText = '';
    inChunk = 0;
    onChunk?.(progress);
  };
  for (const file of files) {
    fileText += copyLine(encoder.fileRow(file));
    organizationText += copyLine(encoder.organizationRow(file));
    for (const row of encoder.eventRows(file)) {
      eventText += copyLine(row);
      progress.events++;
    }
    progress.files++;
    if (++inChunk >= chunkSize) await flush();
  }
  if (inChunk > 0) await flush();
  await Promise.all([streams.files.end(), streams.organizations.end(), streams.events.end()]);
  return progress;
}
