import { computed, Directive, inject, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import type { ApplicantFileView } from '@passerelle/shared/domain';
import type { Observable } from 'rxjs';
import { FilesApi, type VersionedFile } from './files-api.service';
import { FileStore } from './file-store';
import { buildMergePatch, isEmptyPatch, type MergePatch } from './merge-patch';
import { errorMessage } from './validation';
import { fieldMessage, otherFieldLines, type WriteFailure } from './write-outcome';

/** A write of the file, given the file's id and the `ETag` the page holds. */
export type FileWrite = (id: string, etag: string) => Observable<VersionedFile>;

/**
 * The save flow every dialog that changes a file shares: the form is checked first (French messages
 * next to the fields), then one write is sent with the file's `ETag`; a 400 puts the API's refusals
 * next to the fields (or in the summary), a 412 offers to reload the current version and refill the
 * form, never to overwrite. The dialog closes on success, with `true`.
 *
 * A subclass declares its `form`, the API paths its template shows (`fields`), what to send
 * (`request`) and, to be refilled after a reload, `fill`, which its constructor calls too.
 */
@Directive()
export abstract class FileEditDialog {
  protected readonly store = inject(FileStore);
  protected readonly api = inject(FilesApi);
  private readonly ref = inject(MatDialogRef);

  protected abstract readonly form: AbstractControl;
  /** The fields the template shows messages for, by the API's dotted path. */
  protected abstract readonly fields: readonly string[];

  protected readonly pending = signal(false);
  protected readonly failure = signal<WriteFailure | null>(null);
  /** Refusals the form has no field for, as French lines. */
  protected readonly otherErrors = computed(() => otherFieldLines(this.failure(), this.fields));
  protected readonly errorMessage = errorMessage;
  protected readonly fieldMessage = (field: string) => fieldMessage(this.failure(), field);

  /** What to send, or `null` when there is nothing to change (the dialog closes, writing nothing). */
  protected abstract request(file: ApplicantFileView | null): FileWrite | null;

  /** Puts a version of the file into the form. */
  protected fill(file: ApplicantFileView | null): void {
    void file;
  }

  /** A merge patch of what `content` changes in the file, or `null` when it changes nothing. */
  protected patchOf(file: ApplicantFileView | null, content: object): MergePatch | null {
    const patch = buildMergePatch(file ?? {}, content);
    return isEmptyPatch(patch) ? null : patch;
  }

  /** The PATCH of a merge patch, or `null` for none. */
  protected update(patch: MergePatch | null): FileWrite | null {
    return patch ? (id, etag) => this.api.update(id, etag, patch) : null;
  }

  async save(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const send = this.request(this.store.file());
    if (!send) {
      this.ref.close(false);
      return;
    }
    this.pending.set(true);
    this.failure.set(null);
    const failure = await this.store.write(send);
    this.pending.set(false);
    if (failure) this.failure.set(failure);
    else this.ref.close(true);
  }

  /** After a 412: the current version replaces the form; the user redoes the change knowingly. */
  async reload(): Promise<void> {
    await this.store.reload();
    this.failure.set(null);
    this.fill(this.store.file());
  }
}
