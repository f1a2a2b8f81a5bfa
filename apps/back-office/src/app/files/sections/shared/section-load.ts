import { computed, inject, type Signal, signal, type WritableSignal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, type Observable, of, switchMap } from 'rxjs';
import { FileStore } from '../../file-store';

/** What a section of the file page loads, and how that went. */
export interface SectionLoad<T> {
  /** Set when the panel is first opened: nothing is fetched before. */
  readonly opened: WritableSignal<boolean>;
  readonly loading: Signal<boolean>;
  /** The last answer, `null` if it failed; the previous one stays on screen while the next loads. */
  readonly value: Signal<T | null>;
  /** Whether the last answer failed. */
  readonly failed: Signal<boolean>;
  /** Fetches again (« Réessayer »). */
  retry(): void;
}

interface Answer<T> {
  readonly key: string;
  readonly value: T | null;
}

/**
 * A section's list, fetched once its panel is first opened (and `may` allows), then again whenever the
 * file changes (its revision: a write here or in a dialog) or the user retries. Call it in an
 * injection context (a field of the component).
 */
export function loadWhenOpened<T>(
  may: () => boolean,
  load: (fileId: string) => Observable<T>,
): SectionLoad<T> {
  const store = inject(FileStore);
  const opened = signal(false);
  const retries = signal(0);
  const request = computed(() => {
    const id = store.file()?.id;
    if (!id || !opened() || !may()) return null;
    return { id, key: `${id}:${store.revision()}:${retries()}` };
  });
  const answer = toSignal(
    toObservable(request).pipe(
      switchMap((current) =>
        current
          ? load(current.id).pipe(
              map((value): Answer<T> => ({ key: current.key, value })),
              catchError(() => of<Answer<T>>({ key: current.key, value: null })),
            )
          : of(null),
      ),
    ),
  );
  const loading = computed(() => {
    const current = request();
    return current !== null && answer()?.key !== current.key;
  });
  const value = computed(() => answer()?.value ?? null);
  return {
    opened,
    loading,
    value,
    failed: computed(() => !loading() && !!answer() && value() === null),
    retry: () => retries.update((count) => count + 1),
  };
}
