import {
  type Action,
  type ApplicantFileContent,
  type Capability,
  type CurrentUser,
  type EvaluationKind,
  type FragilityCriterion,
  type Grant,
  type Role,
  grantFor,
} from '@passerelle/shared/domain';
import type { TestApp, TestResponse } from '@api/testing/test-app';
import { registrableFile, sneNumber } from '@api/testing/builders';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';
import { samplePdf } from '@api/app/documents/testing/sample-documents';

/**
 * Fixtures for the access and field tests: the demo accounts signed in, and the objects of
 * ACCESS.md built over HTTP as the partners would build them (files, documents, flags, evaluations,
 * referrals, appointments), owned by the caller's organisation (in scope) or by another one.
 */

/** A signed-in demo account. */
export interface Account {
  username: string;
  role: Role;
  token: string;
  user: CurrentUser;
}

export function capabilitiesOf(account: Account): Capability[] {
  return account.user.organization.registersDemands ? ['registersDemands'] : [];
}

/** The account's grant for an action, from the permission table (with its organisation's capabilities). */
export function grantOf(account: Account, action: Action): Grant | undefined {
  return grantFor({ role: account.role, capabilities: capabilitiesOf(account) }, action);
}

export async function signInDemoAccounts(t: TestApp): Promise<Map<string, Account>> {
  const accounts = new Map<string, Account>();
  for (const seed of DEMO_ACCOUNTS) {
    const login = await t.login(seed.username);
    accounts.set(seed.username, {
      username: seed.username,
      role: seed.role,
      token: login.accessToken,
      user: login.user,
    });
  }
  return accounts;
}

/** Where a fixture file stands in its lifecycle. */
export type FileState = 'CONTACT' | 'REGISTERED' | 'RENEWAL_DUE' | 'CLOSED';

export interface FileRef {
  id: string;
  lastName: string;
}

/** What `fetch` answers, parsed like `t.request` does. */
export async function multipart(
  t: TestApp,
  path: string,
  form: FormData,
  token: string | undefined,
): Promise<TestResponse> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

export function uploadForm(type = 'TAX_NOTICE', sensitive?: boolean): FormData {
  const form = new FormData();
  form.append('type', type);
  if (sensitive !== undefined) form.append('sensitive', String(sensitive));
  form.append('file', new Blob([new Uint8Array(samplePdf())]), 'avis.pdf');
  return form;
}

let nameSequence = 0;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A surname no other fixture's name starts with (fixed length, letters only), so that a name search
 * finds exactly this file.
 */
export function uniqueSurname(prefix = 'Acces'): string {
  let n = nameSequence++;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += LETTERS[n % 26];
    n = Math.floor(n / 26);
  }
  return `${prefix}${code}`;
}

/** The accounts the fixtures act as: a registration service, and an outsider per caller. */
export interface FixtureActors {
  /** Registers, renews and closes any demand (an info point that registers demands). */
  registrar: string;
  /** Builds objects of another organisation than the caller's (any scope, every kind of object). */
  outsiders: readonly [string, string];
  /** Organisations a referral between two others may go to. */
  thirdParties: readonly string[];
}

export const FIXTURE_ACTORS: FixtureActors = {
  registrar: 'mourenx.agent',
  outsiders: ['sdsei.ts', 'orthez.ts'],
  thirdParties: ['orthez.accueil', 'mourenx.agent', 'office64.bailleur'],
};

function check(response: TestResponse, expected: number, what: string): void {
  if (response.status !== expected) {
    throw new Error(`fixture ${what}: expected ${expected}, got ${response.status} ${response.text}`);
  }
}

function idOf(response: TestResponse): string {
  return (response.body as { id: string }).id;
}

/** Builds the objects over HTTP; `shared` memoises the ones several cases may read without changing. */
export class Fixtures {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly t: TestApp,
    readonly accounts: ReadonlyMap<string, Account>,
  ) {}

  account(username: string): Account {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`no demo account ${username}`);
    return account;
  }

  /** Another organisation's account, able to build every kind of object. */
  outsiderFor(caller: Account | undefined): Account {
    const [first, second] = FIXTURE_ACTORS.outsiders;
    return this.account(caller?.username === first ? second : first);
  }

  /** An organisation other than the caller's and the sender's, that receives referrals. */
  thirdPartyFor(caller: Account | undefined, sender: Account): Account {
    const orgs = new Set([caller?.user.organization.id, sender.user.organization.id]);
    const third = FIXTURE_ACTORS.thirdParties
      .map((u) => this.account(u))
      .find((a) => !orgs.has(a.user.organization.id));
    if (!third) throw new Error('no third organisation');
    return third;
  }

  shared<T>(key: string, build: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = build();
      this.memo.set(key, promise);
    }
    return promise;
  }

  async version(fileId: string): Promise<number> {
    const rows = (await this.t.dataSource.query('SELECT version FROM applicant_file WHERE id = $1', [
      fileId,
    ])) as { version: number }[];
    const row = rows[0];
    if (!row) throw new Error(`no file ${fileId}`);
    return row.version;
  }

  async ifMatch(fileId: string): Promise<Record<string, string>> {
    return { 'if-match': `"${await this.version(fileId)}"` };
  }

  /** A file created by `owner`'s organisation, brought to `state` by the registrar. */
  async file(owner: Account, state: FileState = 'CONTACT', registeredOn?: string): Promise<FileRef> {
    const lastName = uniqueSurname();
    const full = registrableFile();
    full.applicant.lastName = lastName;
    const mayWriteAll = !grantOf(owner, 'files.create')?.writableFields;
    const content: ApplicantFileContent = mayWriteAll
      ? full
      : {
          applicant: { lastName, firstNames: full.applicant.firstNames, birthDate: full.applicant.birthDate },
          contact: { phone: '06 12 34 56 78', inseeCode: '64301' },
        };
    const created = await this.t.request('POST', '/api/applicant-files', {
      token: owner.token,
      body: content,
    });
    check(created, 201, `create a file as ${owner.username}`);
    const id = idOf(created);
    if (state === 'CONTACT') return { id, lastName };
    const registrar = this.account(FIXTURE_ACTORS.registrar);
    if (!mayWriteAll) {
      const rest = registrableFile();
      const completed = await this.t.request('PATCH', `/api/applicant-files/${id}`, {
        token: registrar.token,
        headers: await this.ifMatch(id),
        body: {
          applicant: {
            civility: rest.applicant.civility,
            nationality: rest.applicant.nationality,
            familySituation: rest.applicant.familySituation,
            professionalSituation: rest.applicant.professionalSituation,
          },
          contact: rest.contact,
          currentHousing: rest.currentHousing,
          reasons: rest.reasons,
          wishes: rest.wishes,
        },
      });
      check(completed, 200, 'complete a file');
    }
    // RENEWAL_DUE at once: registered eleven and a half months before the tests' today.
    const registered = await this.t.request('POST', `/api/applicant-files/${id}/registration`, {
      token: registrar.token,
      headers: await this.ifMatch(id),
      body: {
        sneNumber: sneNumber(),
        registeredOn: registeredOn ?? (state === 'RENEWAL_DUE' ? '2025-07-01' : '2026-03-02'),
      },
    });
    check(registered, 200, 'register a file');
    if (state === 'CLOSED') await this.close(id, '2026-04-01');
    return { id, lastName };
  }

  async close(fileId: string, closedOn: string): Promise<void> {
    const closed = await this.t.request('POST', `/api/applicant-files/${fileId}/closure`, {
      token: this.account(FIXTURE_ACTORS.registrar).token,
      headers: await this.ifMatch(fileId),
      body: { reason: 'WITHDRAWN', closedOn },
    });
    check(closed, 200, 'close a file');
  }

  async upload(as: Account, fileId: string, type = 'TAX_NOTICE', sensitive?: boolean): Promise<string> {
    const response = await multipart(
      this.t,
      `/api/applicant-files/${fileId}/documents`,
      uploadForm(type, sensitive),
      as.token,
    );
    check(response, 201, `upload as ${as.username}`);
    return idOf(response);
  }

  async suspect(
    as: Account,
    fileId: string,
    criterion: FragilityCriterion = 'WITHOUT_HOUSING',
    note?: string,
  ): Promise<string> {
    const response = await this.t.request('POST', `/api/applicant-files/${fileId}/fragility-flags`, {
      token: as.token,
      body: { criterion, ...(note !== undefined ? { note } : {}) },
    });
    check(response, 201, `suspect as ${as.username}`);
    return idOf(response);
  }

  async decide(as: Account, flagId: string, status: 'CONFIRMED' | 'RULED_OUT', note: string): Promise<void> {
    const response = await this.t.request('PATCH', `/api/fragility-flags/${flagId}`, {
      token: as.token,
      body: { status, note },
    });
    check(response, 200, `decide as ${as.username}`);
  }

  async evaluate(
    as: Account,
    fileId: string,
    kind: EvaluationKind = 'HOUSING_PROJECT',
    notes = 'Projet cohérent avec les ressources',
  ): Promise<string> {
    const response = await this.t.request('POST', `/api/applicant-files/${fileId}/evaluations`, {
      token: as.token,
      body: { kind, notes, diagnosis: { typologies: ['T3'], conclusion: 'T3 à Orthez' } },
    });
    check(response, 201, `evaluate as ${as.username}`);
    return idOf(response);
  }

  async refer(
    from: Account,
    fileId: string,
    to: Account,
    suspectedCriteria: FragilityCriterion[] = [],
  ): Promise<string> {
    const response = await this.t.request('POST', '/api/referrals', {
      token: from.token,
      body: {
        applicantFileId: fileId,
        toOrganizationId: to.user.organization.id,
        reason: 'Hébergée chez sa sœur, 4 personnes en T2',
        ...(suspectedCriteria.length > 0 ? { suspectedCriteria } : {}),
      },
    });
    check(response, 201, `refer as ${from.username}`);
    return idOf(response);
  }

  async book(as: Account, fileId: string): Promise<string> {
    const response = await this.t.request('POST', '/api/appointments', {
      token: as.token,
      body: { applicantFileId: fileId, startsAt: '2026-06-24T08:00:00Z', durationMinutes: 30 },
    });
    check(response, 201, `book as ${as.username}`);
    return idOf(response);
  }

  /** A user the coordinator creates: its id, username and one-time activation code. */
  async newUser(): Promise<{ id: string; username: string; activationCode: string }> {
    const coordinator = this.account('cclo.coordination');
    const username = `matrice.${uniqueSurname('u').toLowerCase()}`;
    const response = await this.t.request('POST', '/api/users', {
      token: coordinator.token,
      body: {
        username,
        displayName: 'Compte de test',
        role: 'RELAY_CLERK',
        organizationId: this.account('lagor.relais').user.organization.id,
      },
    });
    check(response, 201, 'create a user');
    const body = response.body as { user: { id: string }; activationCode: string };
    return { id: body.user.id, username, activationCode: body.activationCode };
  }

  /** An agent ProConnect let in who has no account: a pending request, as the callback records it. */
  async newProConnectRequest(): Promise<string> {
    const sub = `matrice-${uniqueSurname('sub').toLowerCase()}`;
    const rows = await this.t.dataSource.query<{ id: string }[]>(
      `INSERT INTO proconnect_request (sub, email, given_name, usual_name, last_attempt_at)
       VALUES ($1, $2, 'Agent', 'Matrice', now()) RETURNING id`,
      [sub, `${sub}@agents.example.fr`],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('no ProConnect request');
    return id;
  }

  async newOrganization(): Promise<string> {
    const response = await this.t.request('POST', '/api/organizations', {
      token: this.account('cclo.coordination').token,
      body: {
        name: `Association ${uniqueSurname('Logement')}`,
        type: 'SOCIAL_SERVICE',
        registersDemands: false,
      },
    });
    check(response, 201, 'create an organisation');
    return idOf(response);
  }
}
