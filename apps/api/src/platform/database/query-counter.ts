import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/**
 * Counts the SQL statements the API sends, so integration tests can check that a request's
 * query count does not grow with the size of a file or a page. Only attached in test mode.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;

  override logQuery(): void {
    this.count++;
  }

  protected writeLog(
    _level: LogLevel,
    _message: string | number | LogMessage | (string | number | LogMessage)[],
  ): void {
    // Counting only.
  }
}
