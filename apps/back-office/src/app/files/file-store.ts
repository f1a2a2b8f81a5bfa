import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import { firstValueFrom, type Observable } from 'rxjs';
import { FilesApi, type VersionedFile } from './files-api.service';
import { type WriteFailure, writeFailureOf } from './write-outcome';

export type LoadState = 'loading' | 'loaded' | 'not-found' | 'error';

/**
 * One file page's state: the file, the `ETag` it came with, and the writes that need it. Provided by
 * the `/dossiers/:id` route, so the page and its dialogs (their own URLs) share it.
 */
@Injectable()
export class FileStore {
  private readonly api = inject(FilesApi);
  private readonly current = signal<VersionedFile | null>(null);
  private readonly stateSignal = signal<LoadState>('loading');
  /** Bumped on every change, so that the history reloads too. */
  private readonly revisionSignal = signal(0);

  readonly file = computed<ApplicantFileView | null>(() => this.current()?.file ?? null);
  readonly state = this.stateSignal.asReadonly();
  readonly revision = this.revisionSignal.asReadonly();

  async load(id: string): Promise<void> {
    if (this.current()?.file.id !== id) this.stateSignal.set('loading');
    try {
      this.accept(await firstValueFrom(this.api.get(id)));
      this.stateSignal.set('loaded');
    } catch (error: unknown) {
      const missing = error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
      this.stateSignal.set(missing ? 'not-found' : 'error');
    }
  }

  /** Fetches the file again (after someone else changed it). */
  reload(): Promise<void> {
    const file = this.file();
    return file ? this.load(file.id) : Promise.resolve();
  }

  /**
   * Sends a write with the `ETag` held. On success the page shows the answer and keeps its new
   * `ETag`; on failure nothing changes here, and a 412 is never retried: the user decides.
   */
  async write(send: (id: string, etag: string) => Observable<VersionedFile>): Promise<WriteFailure | null> {
    const held = this.current();
    if (!held) return { kind: 'refused', message: "Le dossier n'est pas chargé.", fields: [] };
    try {
      this.accept(await firstValueFrom(send(held.file.id, held.etag)));
      return null;
    } catch (error: unknown) {
      return writeFailureOf(error);
    }
  }

  private accept(versioned: VersionedFile): void {
    this.current.set(versioned);
    this.revisionSignal.update((value) => value + 1);
  }
}
