import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS, provideNativeDateAdapter } from '@angular/material/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ApplicantFileView, CurrentUser } from '@passerelle/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../app/auth/auth.service';
import { FileStore } from '../app/files/file-store';
import { aLoginResponse } from './users';

/**
 * Set-up shared by the component tests of the file's sections and of the other dialogs: the real
 * services over HttpTestingController, a signed-in user, a file held by the FileStore.
 */

export function aFile(overrides: Partial<ApplicantFileView> = {}): ApplicantFileView {
  return {
    id: 'f1',
    status: 'REGISTERED',
    version: 3,
    applicant: { lastName: 'Dupré', firstNames: 'Hélène', birthDate: '1980-02-29' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** The providers of a file page's section: HTTP under test, a router, a date adapter, the store. */
export function configureCasework(extra: (Provider | EnvironmentProviders)[] = []): HttpTestingController {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideNativeDateAdapter(),
      // Dialogs close at once, without waiting for an animation jsdom never ends.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      FileStore,
      ...extra,
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** Signs `user` in through the real AuthService (its login answered here). */
export async function signIn(user: CurrentUser): Promise<void> {
  const login = firstValueFrom(TestBed.inject(AuthService).login({ username: user.username, password: 'x' }));
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(aLoginResponse(1, user));
  await login;
}

/** Puts `file` in the FileStore as its GET would, with its ETag. */
export async function holdFile(file: ApplicantFileView, etag = `"${file.version}"`): Promise<FileStore> {
  const store = TestBed.inject(FileStore);
  const loading = store.load(file.id);
  TestBed.inject(HttpTestingController)
    .expectOne(`/api/applicant-files/${file.id}`)
    .flush(file, { headers: { ETag: etag } });
  await loading;
  return store;
}

/** Answers the file's GET that follows a successful write (`store.reload()`). */
export async function answerReload(file: ApplicantFileView, etag = `"${file.version}"`): Promise<void> {
  await settle();
  TestBed.inject(HttpTestingController)
    .expectOne({ method: 'GET', url: `/api/applicant-files/${file.id}` })
    .flush(file, { headers: { ETag: etag } });
  await settle();
}

/**
 * Lets promises, timers and change detection run. Not `whenStable()`: a resource waiting for its
 * answer keeps the application unstable until the test gives it.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
}

/** Answers a request with an error whose `message` is the API's English, never to be shown. */
export function refuse(
  request: TestRequest,
  status: number,
  details: { field: string; message: string }[] = [],
): void {
  request.flush(
    { statusCode: status, error: 'Error', message: 'English message from the API', details },
    { status, statusText: 'Error' },
  );
}

/** The words the API uses and the page must never show. */
export const API_ENGLISH = 'English message from the API';

/** Opens a dialog as its route does, and returns its element in the overlay. */
export async function openDialog<T>(
  component: Type<T>,
  data?: unknown,
): Promise<{ ref: MatDialogRef<T>; dialog: HTMLElement }> {
  const ref = TestBed.inject(MatDialog).open(component, { data });
  await settle();
  const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
  if (!dialog) throw new Error('No dialog open');
  return { ref, dialog };
}

/** Whether a dialog closed, and with what (recorded as it happens). */
export function closing<T>(ref: MatDialogRef<T>): { closed: boolean; result: unknown } {
  const state = { closed: false, result: undefined as unknown };
  ref.afterClosed().subscribe((result) => {
    state.closed = true;
    state.result = result;
  });
  return state;
}

// ── Reading and using the DOM as a user would ───────────────────────────────────

/** What an element reads, its text nodes one after the other, spaces collapsed. */
export function text(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/** The buttons and links a user sees, by their visible words. */
export function actionLabels(root: Element): string[] {
  return [...root.querySelectorAll('button, a')].map((element) => text(element)).filter(Boolean);
}

export function button(root: Element, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (candidate) => text(candidate) === label,
  );
  if (!found) throw new Error(`No button « ${label} » in: ${actionLabels(root).join(' | ')}`);
  return found;
}

export async function click(root: Element, label: string): Promise<void> {
  button(root, label).click();
  await settle();
}

function field(root: Element, label: string): Element {
  const found = [...root.querySelectorAll('mat-form-field')].find((candidate) =>
    text(candidate.querySelector('mat-label')).startsWith(label),
  );
  if (!found) throw new Error(`No field labelled « ${label} »`);
  return found;
}

/** Types into the input or textarea of the field labelled `label`. */
export async function type(root: Element, label: string, value: string): Promise<void> {
  const input = field(root, label).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!input) throw new Error(`No input in « ${label} »`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
  await settle();
}

/** Opens the mat-select labelled `label` and clicks each option named. */
export async function choose(root: Element, label: string, ...options: string[]): Promise<void> {
  const trigger = field(root, label).querySelector<HTMLElement>('.mat-mdc-select-trigger');
  if (!trigger) throw new Error(`No select in « ${label} »`);
  trigger.click();
  await settle();
  for (const option of options) {
    const found = [...document.querySelectorAll<HTMLElement>('mat-option')].find(
      (candidate) => text(candidate) === option,
    );
    if (!found) throw new Error(`No option « ${option} » in « ${label} »`);
    found.click();
    await settle();
  }
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  await settle();
}

/** The French message of the field labelled `label` (mat-error or hint). */
export function fieldMessages(root: Element, label: string): string {
  return text(field(root, label).querySelector('.mat-mdc-form-field-subscript-wrapper'));
}

/** A description list as `term → definition`. */
export function definitions(root: Element | null | undefined): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const term of root?.querySelectorAll('dt') ?? []) {
    const definition = term.nextElementSibling;
    if (definition?.tagName === 'DD') entries[text(term)] = text(definition);
  }
  return entries;
}
