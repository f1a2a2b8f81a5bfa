import { computed, Directive, inject, type Signal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { catchError, firstValueFrom, map, type Observable, of } from 'rxjs';
import { FileStore } from '../file-store';
import { FORM_DIALOG_KIT } from '../form-dialog-kit';
import { errorMessage } from '../validation';
import { WriteFailureComponent } from '../write-failure.component';
import {
  asWriteFailure,
  type CaseworkFailure,
  caseworkFailureOf,
  failedField,
  type FailureWording,
} from './shared/casework-failure';

/** What every case-work dialog imports: a component lists this, then its own extras. */
export const CASEWORK_DIALOG_KIT = [FORM_DIALOG_KIT, MatProgressBar, WriteFailureComponent] as const;

/** The item of the file a dialog works on, looked up in the file's list by its id. */
export type FileItemLookup<T> = { state: 'loading' } | { state: 'found'; item: T } | { state: 'missing' };

/**
 * The submit flow of the case-work dialogs (evaluations, documents, fragility): the form is checked
 * first (French messages next to the fields), then one request is sent; a refusal is worded in French
 * by the dialog's `wording` (`caseworkFailureOf`), and on success the file is reloaded — its history,
 * priority and sections follow its revision — before the dialog closes with `true`.
 *
 * Unlike `FileEditDialog`, these writes go to the section's own resource, without the file's `ETag`.
 * A subclass declares its `form`, its `wording` and what to send (`request`).
 */
@Directive()
export abstract class CaseworkDialog {
  protected readonly store = inject(FileStore);
  private readonly ref = inject(MatDialogRef);

  protected abstract readonly form: AbstractControl;
  /** What the dialog says for its own statuses and fields. */
  protected abstract readonly wording: FailureWording;

  protected readonly pending = signal(false);
  protected readonly failure = signal<CaseworkFailure | null>(null);
  protected readonly errorMessage = errorMessage;
  protected readonly asWriteFailure = asWriteFailure;
  protected readonly fieldMessage = (field: string) => failedField(this.failure(), field);

  /** What to send, once the form is valid; `null` sends nothing. */
  protected abstract request(): Observable<unknown> | null;

  /** Whether there is anything to act on (the item was found…); `save` does nothing otherwise. */
  protected ready(): boolean {
    return true;
  }

  /** Checks the form; `false` shows the messages and sends nothing. */
  protected valid(): boolean {
    return !this.form.invalid;
  }

  protected async save(): Promise<void> {
    if (this.pending() || !this.ready()) return;
    if (!this.valid()) {
      this.form.markAllAsTouched();
      return;
    }
    const send = this.request();
    if (!send) return;
    this.pending.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(send);
    } catch (error: unknown) {
      this.pending.set(false);
      this.failure.set(caseworkFailureOf(error, this.wording));
      return;
    }
    await this.store.reload();
    this.pending.set(false);
    this.ref.close(true);
  }

  /** The file's item `id` in the list `list` gives for the file; missing when the list fails. */
  protected lookUp<T extends { readonly id: string }>(
    list: (fileId: string) => Observable<{ readonly items: readonly T[] }>,
    id: string,
  ): { readonly lookup: Signal<FileItemLookup<T>>; readonly item: Signal<T | null> } {
    const lookup = toSignal(
      list(this.store.file()?.id ?? '').pipe(
        map((page): FileItemLookup<T> => {
          const item = page.items.find((candidate) => candidate.id === id);
          return item ? { state: 'found', item } : { state: 'missing' };
        }),
        catchError(() => of<FileItemLookup<T>>({ state: 'missing' })),
      ),
      { initialValue: { state: 'loading' } as FileItemLookup<T> },
    );
    const item = computed(() => {
      const current = lookup();
      return current.state === 'found' ? current.item : null;
    });
    return { lookup, item };
  }
}

/** A text left blank but for spaces becomes empty, so that `required` catches it. */
export function clearBlank(control: AbstractControl<string>): void {
  if (control.value.trim() === '' && control.value !== '') control.setValue('');
}
