import { Injectable, signal } from '@angular/core';
import type { ReportTable } from './report-table';
import { csvBlob, downloadBlob, slug, xlsxBlob } from './table-export';

/** Downloads of the Pilotage tables; the page says when one fails. */
@Injectable({ providedIn: 'root' })
export class ReportExport {
  readonly failure = signal<string | null>(null);
  readonly busy = signal(false);

  csv(tables: readonly ReportTable[], name: string, heading?: string): void {
    this.failure.set(null);
    downloadBlob(csvBlob(tables, heading), `${slug(name)}.csv`);
  }

  async xlsx(tables: readonly ReportTable[], name: string, heading?: string): Promise<void> {
    this.failure.set(null);
    this.busy.set(true);
    try {
      downloadBlob(await xlsxBlob(tables, heading), `${slug(name)}.xlsx`);
    } catch {
      this.failure.set('Le fichier Excel n’a pas pu être préparé. Réessayez, ou téléchargez le CSV.');
    } finally {
      this.busy.set(false);
    }
  }
}
