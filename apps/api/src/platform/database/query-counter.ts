import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/** How many statement texts the counter keeps (the last ones): enough for a few requests. */
const KEPT_TEXTS = 200;

/**
 * Counts the SQL statements the API sends, so integration tests can check that a request's
 * query count does not grow with the size of a file or a page, and keeps the texts of the last
 * ones (which statements a request sends). Only attached in test mode.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;
  private readonly texts: string[] = [];

  override logQuery(query: string): void {
    this.count++;
    this.texts.push(query);
    if (this.texts.length > KEPT_TEXTS) this.texts.shift();
  }

  /** The texts of the statements sent since the count was `count` (at most the last KEPT_TEXTS). */
  textsSince(count: number): string[] {
    const sent = this.count - count;
    if (sent > this.texts.length) throw new Error(`only the last ${KEPT_TEXTS} statements are kept`);
    return sent <= 0 ? [] : this.texts.slice(-sent);
  }

  protected writeLog(
    _level: LogLevel,
    _message: string | number | LogMessage | (string | number | LogMessage)[],
  ): void {
    // Counting only.
  }
}
