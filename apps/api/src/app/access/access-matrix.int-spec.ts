import { createHash, randomBytes } from 'node:crypto';
import {
  type Action,
  PARTNER_EVENT_TYPES,
  type PartnerEventType,
  type Scope,
} from '@passerelle/shared/domain';
import type { TestApp } from '@api/testing/test-app';
import { refreshCookieOf, startTestApp } from '@api/testing/test-app';
import { sneNumber } from '@api/testing/builders';
import { totpCode } from '@api/app/identity/totp';
import { listRoutes } from './routes';
import {
  type Account,
  type FileRef,
  type FileState,
  Fixtures,
  grantOf,
  multipart,
  signInDemoAccounts,
  uniqueSurname,
  uploadForm,
} from './access-fixtures';

/**
 * ACCESS.md, walked: every route of the running application × every demo account (and anonymous)
 * × an object in the caller's scope and one out of it. The expected answer comes from the
 * permission table (`grantFor`), never from the application: 401 without a token, 403 when the
 * role (or its organisation's capabilities) may not do the action, 404 when the object is out of
 * the grant's scope (unless the scope reaches it, `all`), else the route's success.
 */

type Side = 'in' | 'out';
type ObjectKind =
  | 'none'
  | 'file'
  | 'document'
  | 'referral'
  | 'appointment'
  | 'flag'
  | 'evaluation'
  | 'user'
  | 'organization';

interface Prepared {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  form?: FormData;
  /** List routes: is the case's object among the items? */
  listed?: (body: unknown) => boolean;
}

interface RouteSpec {
  object: ObjectKind;
  success: number;
  /** The grant whose scope decides whether the object is reached, when not the route's own action. */
  reachBy?: Action;
  /** The file state the request needs: a CONTACT file (registration), a registered one (renewal…). */
  needs?: 'CONTACT' | 'REGISTERED' | 'RENEWAL_DUE';
  /** The answer lists objects: in scope the object is listed; out of scope only if the scope reaches it. */
  list?: boolean;
  prepare: (c: CaseContext) => Promise<Prepared>;
}

const PASSWORD = 'un mot de passe assez long';
/** A browser that started no flow (a wrong or missing state) is sent to the French page (motif EXPIRED). */
const PROCONNECT_CALLBACK_WITHOUT_FLOW = 303;
const TODAY = '2026-06-15';

/** The dedicated account that the sign-in routes use (the demo accounts keep their sessions). */
let authUser = { username: '', password: PASSWORD };

const itemIds = (body: unknown): string[] =>
  ((body as { items?: { id: string }[] }).items ?? []).map((item) => item.id);

/**
 * The objects of one case. In scope: the caller's organisation's (created, suspected, uploaded,
 * booked by the caller when it may; else by an outsider, for callers the action refuses anyway).
 * Out of scope: another organisation's, in a state the caller's grant does not reach
 * (`own`: a registered file of another organisation, shared but not its own; `shared+own`: another
 * organisation's CONTACT file). A case that may change its object gets its own.
 */
class CaseContext {
  constructor(
    readonly fx: Fixtures,
    readonly caller: Account | undefined,
    readonly side: Side,
    readonly scope: Scope | undefined,
    readonly fresh: boolean,
    readonly needs: RouteSpec['needs'],
  ) {}

  get outsider(): Account {
    return this.fx.outsiderFor(this.caller);
  }

  may(action: Action): boolean {
    return this.caller !== undefined && grantOf(this.caller, action) !== undefined;
  }

  /** The caller, in scope, when it may do `action`; the outsider otherwise. */
  private actor(action: Action): Account {
    return this.side === 'in' && this.caller && this.may(action) ? this.caller : this.outsider;
  }

  private build<T>(key: string, make: () => Promise<T>): Promise<T> {
    return this.fresh ? make() : this.fx.shared(key, make);
  }

  private fileTarget(): { owner: Account; state: FileState } {
    if (this.side === 'in') {
      const owner = this.caller && this.may('files.create') ? this.caller : this.outsider;
      return { owner, state: this.needs ?? 'CONTACT' };
    }
    const state: FileState =
      this.scope === 'own'
        ? (this.needs ?? 'REGISTERED')
        : this.scope === 'shared+own'
          ? 'CONTACT'
          : (this.needs ?? 'CONTACT');
    return { owner: this.outsider, state };
  }

  file(): Promise<FileRef> {
    const { owner, state } = this.fileTarget();
    return this.build(`file|${owner.username}|${state}`, () => this.fx.file(owner, state));
  }

  document(): Promise<string> {
    const { owner, state } = this.fileTarget();
    const uploader = this.actor('documents.upload');
    return this.build(`document|${owner.username}|${state}|${uploader.username}`, async () =>
      this.fx.upload(uploader, (await this.fx.file(owner, state)).id),
    );
  }

  flag(): Promise<string> {
    const { owner, state } = this.fileTarget();
    const suspecter = this.actor('flags.suspect');
    return this.build(`flag|${owner.username}|${state}|${suspecter.username}`, async () =>
      this.fx.suspect(suspecter, (await this.fx.file(owner, state)).id),
    );
  }

  /** Applying an evaluation is its author's: out of scope, the caller is the author when the scope reaches the file. */
  evaluation(): Promise<{ id: string; fileId: string }> {
    const { owner, state } = this.fileTarget();
    const write: Action = 'evaluations.housingProject.write';
    const author =
      this.side === 'out' && this.scope === 'all' && this.caller && this.may(write)
        ? this.caller
        : this.actor(write);
    return this.build(`evaluation|${owner.username}|${state}|${author.username}`, async () => {
      const fileId = (await this.fx.file(owner, state)).id;
      return { id: await this.fx.evaluate(author, fileId), fileId };
    });
  }

  /** Referrals always get a file of their own: they give the organisations the file (« own »). */
  referral(inScope: 'addressedToCaller' | 'sentByCaller'): Promise<{ id: string; fileId: string }> {
    const caller = this.caller;
    const receives = caller !== undefined && caller.user.organization.type !== 'INTERCOMMUNALITY';
    if (this.side === 'in' && caller && inScope === 'addressedToCaller' && receives) {
      return this.build(`referral|to|${caller.username}`, async () => {
        const fileId = (await this.fx.file(this.outsider)).id;
        return { id: await this.fx.refer(this.outsider, fileId, caller), fileId };
      });
    }
    if (this.side === 'in' && caller && inScope === 'sentByCaller' && this.may('referrals.create')) {
      return this.build(`referral|from|${caller.username}`, async () => {
        const fileId = (await this.fx.file(caller)).id;
        return { id: await this.fx.refer(caller, fileId, this.outsider), fileId };
      });
    }
    const third = this.fx.thirdPartyFor(caller, this.outsider);
    return this.build(`referral|${this.outsider.username}|${third.username}`, async () => {
      const fileId = (await this.fx.file(this.outsider)).id;
      return { id: await this.fx.refer(this.outsider, fileId, third), fileId };
    });
  }

  appointment(): Promise<{ id: string; fileId: string }> {
    const booker = this.actor('appointments.manage');
    const owner = booker === this.caller ? this.caller : this.outsider;
    return this.build(`appointment|${booker.username}`, async () => {
      const fileId = (await this.fx.file(owner)).id;
      return { id: await this.fx.book(booker, fileId), fileId };
    });
  }

  user(): Promise<string> {
    return this.build('user', async () => (await this.fx.newUser()).id);
  }

  organization(): Promise<string> {
    return this.build('organization', () => this.fx.newOrganization());
  }
}

const none =
  (path: string, body?: (c: CaseContext) => unknown) =>
  (c: CaseContext): Promise<Prepared> =>
    Promise.resolve({ path, body: body?.(c) });

/** A file route: `/api/applicant-files/:id<suffix>`, with If-Match when the route needs it. */
const onFile =
  (suffix: string, options: { body?: () => unknown; ifMatch?: boolean } = {}) =>
  async (c: CaseContext): Promise<Prepared> => {
    const file = await c.file();
    return {
      path: `/api/applicant-files/${file.id}${suffix}`,
      body: options.body?.(),
      headers: options.ifMatch ? await c.fx.ifMatch(file.id) : undefined,
    };
  };

/** A fresh session's refresh cookie, as the back office would send it (cookie and Origin). */
const signIn = async (c: CaseContext): Promise<Record<string, string>> => {
  const response = await c.fx.t.request('POST', '/api/auth/login', { body: authUser });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${response.text}`);
  return c.fx.t.sessionHeaders(refreshCookieOf(response.headers) ?? '');
};

/** A new account with a second factor, enrolled at the clock's step: its secret, to make later codes. */
const withSecondFactor = async (c: CaseContext): Promise<{ username: string; secret: string }> => {
  const user = await c.fx.newUser();
  const t = c.fx.t;
  const activated = await t.request('POST', '/api/auth/activate', {
    body: { username: user.username, activationCode: user.activationCode, password: PASSWORD },
  });
  if (activated.status !== 204) throw new Error(`activate: ${activated.status}`);
  const session = await t.request<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { username: user.username, password: PASSWORD },
  });
  const token = session.body.accessToken;
  const started = await t.request<{ secret: string }>('POST', '/api/auth/second-factor/enrolment', { token });
  const { secret } = started.body;
  const confirmed = await t.request('POST', '/api/auth/second-factor/enrolment/confirm', {
    token,
    body: { code: totpCode(secret, t.clock.now()) },
  });
  if (confirmed.status !== 200) throw new Error(`enrol: ${confirmed.status}`);
  return { username: user.username, secret };
};

/**
 * The challenge the password step gives an account whose role requires a second factor it has not
 * (none does in the test app's configuration): written as that step writes it, for the sign-in account.
 */
const enrolChallenge = async (c: CaseContext): Promise<string> => {
  const secret = randomBytes(32).toString('base64url');
  const [row] = (await c.fx.t.dataSource.query(
    `INSERT INTO sign_in_challenge (user_id, secret_hash, expires_at)
     SELECT id, $2, now() + interval '10 minutes' FROM app_user WHERE username = $1 RETURNING id`,
    [authUser.username, createHash('sha256').update(secret).digest('hex')],
  )) as { id: string }[];
  return `${row?.id}.${secret}`;
};

/** Every route of the application: how to make a valid request against an object, and its success. */
const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': { object: 'none', success: 200, prepare: none('/api/health') },
  'POST /api/auth/login': { object: 'none', success: 200, prepare: none('/api/auth/login', () => authUser) },
  'POST /api/auth/refresh': {
    object: 'none',
    success: 200,
    prepare: async (c) => ({ path: '/api/auth/refresh', headers: await signIn(c) }),
  },
  'POST /api/auth/logout': {
    object: 'none',
    success: 204,
    prepare: async (c) => ({ path: '/api/auth/logout', headers: await signIn(c) }),
  },
  'POST /api/auth/activate': {
    object: 'none',
    success: 204,
    prepare: async (c) => {
      const user = await c.fx.newUser();
      return {
        path: '/api/auth/activate',
        body: { username: user.username, activationCode: user.activationCode, password: PASSWORD },
      };
    },
  },
  'GET /api/auth/me': { object: 'none', success: 200, prepare: none('/api/auth/me') },
  'GET /api/auth/methods': { object: 'none', success: 200, prepare: none('/api/auth/methods') },
  // To the provider, whoever asks (a session or not changes nothing).
  'GET /api/auth/proconnect/login': {
    object: 'none',
    success: 302,
    prepare: none('/api/auth/proconnect/login'),
  },
  // No flow of this browser's to finish: refused, whoever asks (the whole flow: proconnect.int-spec.ts).
  'GET /api/auth/proconnect/callback': {
    object: 'none',
    success: PROCONNECT_CALLBACK_WITHOUT_FLOW,
    prepare: none('/api/auth/proconnect/callback?code=matrice&state=matrice-state-matrice-state-matrice-0'),
  },
  'GET /api/proconnect-requests': { object: 'none', success: 200, prepare: none('/api/proconnect-requests') },
  'POST /api/proconnect-requests/:id/account': {
    object: 'none',
    success: 201,
    prepare: async (c) => {
      const id = await c.fx.newProConnectRequest();
      return {
        path: `/api/proconnect-requests/${id}/account`,
        body: {
          username: `matrice.${uniqueSurname('pc').toLowerCase()}`,
          displayName: 'Agent ProConnect',
          email: `${id}@agents.example.fr`,
          role: 'RELAY_CLERK',
          organizationId: c.fx.account('monein.relais').user.organization.id,
        },
      };
    },
  },
  'DELETE /api/proconnect-requests/:id': {
    object: 'none',
    success: 204,
    prepare: async (c) => ({ path: `/api/proconnect-requests/${await c.fx.newProConnectRequest()}` }),
  },
  'POST /api/auth/login/second-factor': {
    object: 'none',
    success: 200,
    prepare: async (c) => {
      const { username, secret } = await withSecondFactor(c);
      const step = await c.fx.t.request<{ challenge: string }>('POST', '/api/auth/login', {
        body: { username, password: PASSWORD },
      });
      // The next step's code: the enrolment spent the current one.
      const code = totpCode(secret, new Date(c.fx.t.clock.now().getTime() + 30_000));
      return { path: '/api/auth/login/second-factor', body: { challenge: step.body.challenge, code } };
    },
  },
  'POST /api/auth/login/second-factor/enrolment': {
    object: 'none',
    success: 200,
    prepare: async (c) => ({
      path: '/api/auth/login/second-factor/enrolment',
      body: { challenge: await enrolChallenge(c) },
    }),
  },
  'GET /api/auth/second-factor': { object: 'none', success: 200, prepare: none('/api/auth/second-factor') },
  // A new secret waiting for its first code: the demo accounts sign in as before.
  'POST /api/auth/second-factor/enrolment': {
    object: 'none',
    success: 200,
    prepare: none('/api/auth/second-factor/enrolment'),
  },
  // Who may call it; a right code would enrol the demo accounts (second-factor.int-spec.ts has it),
  // a wrong one count as failed sign-ins: an empty body, refused once the guard has let it through.
  'POST /api/auth/second-factor/enrolment/confirm': {
    object: 'none',
    success: 400,
    prepare: none('/api/auth/second-factor/enrolment/confirm', () => ({})),
  },
  'GET /api/communes': { object: 'none', success: 200, prepare: none('/api/communes') },
  'GET /api/organizations': { object: 'none', success: 200, prepare: none('/api/organizations') },
  'POST /api/organizations': {
    object: 'none',
    success: 201,
    prepare: none('/api/organizations', () => ({
      name: `Association ${uniqueSurname('Matrice')}`,
      type: 'SOCIAL_SERVICE',
      registersDemands: false,
    })),
  },
  'PATCH /api/organizations/:id': {
    object: 'organization',
    success: 200,
    prepare: async (c) => ({
      path: `/api/organizations/${await c.organization()}`,
      body: { name: `Association ${uniqueSurname('Renommee')}` },
    }),
  },
  'GET /api/fragility-criteria': { object: 'none', success: 200, prepare: none('/api/fragility-criteria') },
  'GET /api/users': { object: 'none', success: 200, prepare: none('/api/users') },
  'POST /api/users': {
    object: 'none',
    success: 201,
    prepare: none('/api/users', (c) => ({
      username: `matrice.${uniqueSurname('c').toLowerCase()}`,
      displayName: 'Hélène Laborde',
      role: 'RELAY_CLERK',
      organizationId: c.fx.account('monein.relais').user.organization.id,
    })),
  },
  'PATCH /api/users/:id': {
    object: 'user',
    success: 200,
    prepare: async (c) => ({ path: `/api/users/${await c.user()}`, body: { displayName: 'Nom changé' } }),
  },
  'GET /api/audit-entries': { object: 'none', success: 200, prepare: none('/api/audit-entries') },

  'GET /api/applicant-files': {
    object: 'file',
    success: 200,
    list: true,
    prepare: async (c) => {
      const file = await c.file();
      return {
        path: `/api/applicant-files?q=${file.lastName}&pageSize=100`,
        listed: (body) => itemIds(body).includes(file.id),
      };
    },
  },
  'POST /api/applicant-files': {
    object: 'none',
    success: 201,
    prepare: none('/api/applicant-files', () => ({
      applicant: { lastName: uniqueSurname(), firstNames: 'Camille', birthDate: '1985-04-12' },
    })),
  },
  'GET /api/applicant-files/:id': { object: 'file', success: 200, prepare: onFile('') },
  'PATCH /api/applicant-files/:id': {
    object: 'file',
    success: 200,
    prepare: onFile('', { ifMatch: true, body: () => ({ contact: { phone: '05 59 00 00 00' } }) }),
  },
  'GET /api/applicant-files/:id/duplicates': { object: 'file', success: 200, prepare: onFile('/duplicates') },
  'POST /api/applicant-files/:id/registration': {
    object: 'file',
    success: 200,
    needs: 'CONTACT',
    prepare: onFile('/registration', {
      ifMatch: true,
      body: () => ({ sneNumber: sneNumber(), registeredOn: '2026-03-02' }),
    }),
  },
  'POST /api/applicant-files/:id/renewal': {
    object: 'file',
    success: 200,
    needs: 'REGISTERED',
    prepare: onFile('/renewal', { ifMatch: true, body: () => ({ renewedOn: TODAY }) }),
  },
  'POST /api/applicant-files/:id/closure': {
    object: 'file',
    success: 200,
    prepare: onFile('/closure', { ifMatch: true, body: () => ({ reason: 'WITHDRAWN', closedOn: TODAY }) }),
  },
  'POST /api/applicant-files/:id/events': {
    object: 'file',
    success: 201,
    prepare: onFile('/events', {
      ifMatch: true,
      body: () => ({ type: 'NOTE', occurredOn: TODAY, details: 'Appel du demandeur' }),
    }),
  },
  'POST /api/applicant-files/:id/reception-requests': {
    object: 'file',
    success: 201,
    needs: 'REGISTERED',
    prepare: onFile('/reception-requests', { body: () => ({ requestedOn: TODAY }) }),
  },
  'GET /api/applicant-files/:id/reception-requests': {
    object: 'file',
    success: 200,
    prepare: onFile('/reception-requests'),
  },
  'POST /api/applicant-files/:id/information-notice': {
    object: 'file',
    success: 200,
    prepare: onFile('/information-notice', { body: () => ({ givenOn: TODAY }) }),
  },
  'GET /api/applicant-files/:id/export': { object: 'file', success: 200, prepare: onFile('/export') },
  'GET /api/applicant-files/:id/timeline': { object: 'file', success: 200, prepare: onFile('/timeline') },
  'GET /api/applicant-files/:id/evaluations': {
    object: 'file',
    success: 200,
    prepare: onFile('/evaluations'),
  },
  'POST /api/applicant-files/:id/evaluations': {
    object: 'file',
    success: 201,
    prepare: onFile('/evaluations', {
      body: () => ({ kind: 'HOUSING_PROJECT', notes: 'Projet réaliste', diagnosis: { typologies: ['T2'] } }),
    }),
  },
  'POST /api/evaluations/:id/apply-wishes': {
    object: 'evaluation',
    success: 200,
    reachBy: 'files.update',
    prepare: async (c) => {
      const evaluation = await c.evaluation();
      return {
        path: `/api/evaluations/${evaluation.id}/apply-wishes`,
        headers: await c.fx.ifMatch(evaluation.fileId),
      };
    },
  },
  'GET /api/applicant-files/:id/fragility-flags': {
    object: 'file',
    success: 200,
    prepare: onFile('/fragility-flags'),
  },
  'POST /api/applicant-files/:id/fragility-flags': {
    object: 'file',
    success: 201,
    prepare: onFile('/fragility-flags', { body: () => ({ criterion: 'UNFIT_HOUSING' }) }),
  },
  'PATCH /api/fragility-flags/:id': {
    object: 'flag',
    success: 200,
    prepare: async (c) => ({
      path: `/api/fragility-flags/${await c.flag()}`,
      body: { status: 'CONFIRMED', note: 'Situation vérifiée lors de l’entretien' },
    }),
  },
  'GET /api/applicant-files/:id/documents': { object: 'file', success: 200, prepare: onFile('/documents') },
  'POST /api/applicant-files/:id/documents': {
    object: 'file',
    success: 201,
    prepare: async (c) => ({ ...(await onFile('/documents')(c)), form: uploadForm() }),
  },
  'GET /api/applicant-files/:id/document-checklist': {
    object: 'file',
    success: 200,
    prepare: onFile('/document-checklist'),
  },
  'GET /api/documents/:id/content': {
    object: 'document',
    success: 200,
    prepare: async (c) => ({ path: `/api/documents/${await c.document()}/content` }),
  },
  'PATCH /api/documents/:id': {
    object: 'document',
    success: 200,
    prepare: async (c) => ({ path: `/api/documents/${await c.document()}`, body: { status: 'VERIFIED' } }),
  },

  ...Object.fromEntries(
    ['files', 'referrals', 'reception-commitment', 'renewals', 'waiting-times', 'documents', 'activity'].map(
      (indicator): [string, RouteSpec] => [
        `GET /api/reporting/${indicator}`,
        { object: 'none', success: 200, prepare: none(`/api/reporting/${indicator}`) },
      ],
    ),
  ),
  'GET /api/reporting/renewal-reminders': {
    object: 'file',
    success: 200,
    list: true,
    needs: 'RENEWAL_DUE',
    prepare: async (c) => {
      const file = await c.file();
      return {
        path: '/api/reporting/renewal-reminders?pageSize=100',
        listed: (body) =>
          ((body as { items?: { applicantFileId: string }[] }).items ?? []).some(
            (item) => item.applicantFileId === file.id,
          ),
      };
    },
  },
  'GET /api/reporting/renewal-reminders/text': {
    object: 'file',
    success: 200,
    needs: 'REGISTERED',
    prepare: async (c) => ({ path: `/api/reporting/renewal-reminders/text?fileId=${(await c.file()).id}` }),
  },
  'POST /api/applicant-files/:id/renewal-reminders': {
    object: 'file',
    success: 201,
    needs: 'REGISTERED',
    prepare: onFile('/renewal-reminders'),
  },

  'POST /api/referrals': {
    object: 'file',
    success: 201,
    prepare: async (c) => {
      const file = await c.file();
      return {
        path: '/api/referrals',
        body: {
          applicantFileId: file.id,
          toOrganizationId: c.outsider.user.organization.id,
          reason: 'Besoin d’un accompagnement social',
        },
      };
    },
  },
  'GET /api/referrals': {
    object: 'referral',
    success: 200,
    list: true,
    prepare: async (c) => {
      const referral = await c.referral('addressedToCaller');
      return {
        path: `/api/referrals?applicantFileId=${referral.fileId}`,
        listed: (body) => itemIds(body).includes(referral.id),
      };
    },
  },
  'GET /api/referrals/inbox-count': {
    object: 'none',
    success: 200,
    prepare: none('/api/referrals/inbox-count'),
  },
  'GET /api/referrals/:id': {
    object: 'referral',
    success: 200,
    prepare: async (c) => ({ path: `/api/referrals/${(await c.referral('sentByCaller')).id}` }),
  },
  'PATCH /api/referrals/:id': {
    object: 'referral',
    success: 200,
    prepare: async (c) => ({
      path: `/api/referrals/${(await c.referral('addressedToCaller')).id}`,
      body: { status: 'ACCEPTED' },
    }),
  },

  'POST /api/appointments': {
    object: 'file',
    success: 201,
    reachBy: 'files.read',
    prepare: async (c) => ({
      path: '/api/appointments',
      body: { applicantFileId: (await c.file()).id, startsAt: '2026-06-26T08:00:00Z', durationMinutes: 45 },
    }),
  },
  'GET /api/appointments': {
    object: 'appointment',
    success: 200,
    list: true,
    prepare: async (c) => {
      const appointment = await c.appointment();
      return {
        path: `/api/appointments?applicantFileId=${appointment.fileId}`,
        listed: (body) => itemIds(body).includes(appointment.id),
      };
    },
  },
  'GET /api/appointments/walk-in-slots': {
    object: 'none',
    success: 200,
    prepare: none('/api/appointments/walk-in-slots?from=2026-06-15&to=2026-06-30'),
  },
  'PATCH /api/appointments/:id': {
    object: 'appointment',
    success: 200,
    prepare: async (c) => ({
      path: `/api/appointments/${(await c.appointment()).id}`,
      body: { outcome: 'CANCELLED' },
    }),
  },
};

/**
 * Where the application answers otherwise than ACCESS.md: each listed case is expected to keep
 * giving exactly this answer (the test fails when it changes, so that the entry is removed).
 */
interface KnownMismatch {
  issue: string;
  /** Case label → the answer the application gives today. */
  cases: Record<string, string>;
}

const KNOWN_MISMATCHES: readonly KnownMismatch[] = [];

const known = new Map<string, string>(KNOWN_MISMATCHES.flatMap((m) => Object.entries(m.cases)));
const seenKnown = new Set<string>();

/** Compares an answer with the expectation, through the list of known mismatches. */
function verdict(label: string, expected: string, actual: string): string | undefined {
  const knownActual = known.get(label);
  if (knownActual !== undefined) {
    seenKnown.add(label);
    if (actual === knownActual) return undefined;
    return `${label}: known mismatch changed: ACCESS.md expects ${expected}, recorded ${knownActual}, got ${actual}`;
  }
  return actual === expected ? undefined : `${label}: expected ${expected}, got ${actual}`;
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
}

describe('access matrix: every route × every demo account × in / out of scope', () => {
  let t: TestApp;
  let fx: Fixtures;
  let accounts: Map<string, Account>;
  /** Closed long ago, a year ago to the day, a year ago less a day (made with the clock moved back). */
  let closedLongAgo: FileRef;
  let closedOneYearAgo: FileRef;
  let closedUnderAYearAgo: FileRef;
  /** Closed a year ago, after a landlord referred it: « own » for that landlord only (and its creator). */
  let referredByLandlord: FileRef;

  const account = (username: string): Account => fx.account(username);

  const send = async (
    method: string,
    prepared: Prepared,
    caller: Account | undefined,
  ): Promise<{ status: number; body: unknown; text: string }> => {
    if (prepared.form) return multipart(t, prepared.path, prepared.form, caller?.token);
    return t.request(method, prepared.path, {
      token: caller?.token,
      body: prepared.body,
      headers: prepared.headers,
    });
  };

  beforeAll(async () => {
    t = await startTestApp({}, { proconnect: true });
    accounts = await signInDemoAccounts(t);
    fx = new Fixtures(t, accounts);
    const user = await fx.newUser();
    const activated = await t.request('POST', '/api/auth/activate', {
      body: { username: user.username, activationCode: user.activationCode, password: PASSWORD },
    });
    if (activated.status !== 204) throw new Error(`activate: ${activated.status} ${activated.text}`);
    authUser = { username: user.username, password: PASSWORD };

    const outsider = account('sdsei.ts');
    t.clock.set('2025-06-20T10:00:00Z');
    closedLongAgo = await fx.file(outsider, 'REGISTERED', '2025-03-02');
    closedOneYearAgo = await fx.file(outsider, 'REGISTERED', '2025-06-01');
    closedUnderAYearAgo = await fx.file(outsider, 'REGISTERED', '2025-06-01');
    await fx.close(closedLongAgo.id, '2025-05-01');
    await fx.close(closedOneYearAgo.id, '2025-06-15');
    await fx.close(closedUnderAYearAgo.id, '2025-06-16');
    referredByLandlord = await fx.file(outsider, 'REGISTERED', '2025-06-01');
    await fx.refer(account('office64.bailleur'), referredByLandlord.id, outsider);
    await fx.close(referredByLandlord.id, '2025-06-10');
    t.clock.set('2026-06-15T10:00:00Z');
  });

  afterAll(async () => {
    if (KNOWN_MISMATCHES.length > 0) {
      console.log(
        `access matrix: known mismatches with ACCESS.md (see the report)\n${KNOWN_MISMATCHES.map(
          (m) =>
            `- ${m.issue}\n${Object.entries(m.cases)
              .map(([label, actual]) => `    ${label} → ${actual}`)
              .join('\n')}`,
        ).join('\n')}`,
      );
    }
    await t.close();
  });

  it('has a line for every route of the running application, and none for a route that is gone', () => {
    const served = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(ROUTES).sort()).toEqual([...served].sort());
  });

  it('answers each route × caller × scope as the permission table says', async () => {
    const routes = listRoutes(t.app);
    const callers: (Account | undefined)[] = [undefined, ...accounts.values()];
    const sides: Side[] = ['in', 'out'];
    const cases = routes.flatMap((route) =>
      callers.flatMap((caller) => sides.map((side) => ({ route, caller, side }))),
    );
    const failures: string[] = [];
    let checked = 0;
    await inPool(cases, 6, async ({ route, caller, side }) => {
      const key = `${route.method} ${route.path}`;
      const spec = ROUTES[key];
      if (!spec) {
        failures.push(`${key}: no line in the table`);
        return;
      }
      const label = `${key} as ${caller?.username ?? 'anonymous'} (${side} scope)`;

      let expectedStatus: number;
      let expectedListed: boolean | undefined;
      let scope: Scope | undefined;
      const grant = caller && route.action ? grantOf(caller, route.action) : undefined;
      if (route.public) expectedStatus = spec.success;
      else if (!caller) expectedStatus = 401;
      else if (!route.action || !grant) expectedStatus = 403;
      else {
        const reach = spec.reachBy ? grantOf(caller, spec.reachBy) : grant;
        scope = reach?.scope;
        const reached = side === 'in' || spec.object === 'none' || scope === 'all';
        if (!reach) expectedStatus = 403;
        else if (spec.list) {
          expectedStatus = spec.success;
          expectedListed = reached;
        } else expectedStatus = reached ? spec.success : 404;
      }
      if (scope === undefined && grant) scope = grant.scope;

      const fresh = expectedStatus === spec.success && route.method !== 'GET';
      const context = new CaseContext(fx, caller, side, scope, fresh, spec.needs);
      let prepared: Prepared;
      try {
        prepared = await spec.prepare(context);
      } catch (error) {
        failures.push(`${label}: could not build the case: ${String(error)}`);
        return;
      }
      const response = await send(route.method, prepared, caller);
      const answer = (status: number, listed: boolean | undefined): string =>
        listed === undefined ? String(status) : `${status} ${listed ? 'listed' : 'not listed'}`;
      const actualListed =
        expectedListed !== undefined && response.status === spec.success && prepared.listed
          ? prepared.listed(response.body)
          : undefined;
      const failure = verdict(
        label,
        answer(expectedStatus, expectedListed),
        answer(response.status, expectedListed === undefined ? undefined : actualListed),
      );
      checked++;
      if (failure) failures.push(`${failure} ${response.status >= 400 ? response.text.slice(0, 200) : ''}`);
    });
    console.log(
      `access matrix: ${checked} cases over ${routes.length} routes × ${callers.length} callers × ${sides.length} scopes`,
    );
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * callers.length * sides.length);
    expect(routes.length).toBe(Object.keys(ROUTES).length);
    // About 15 s on an idle machine; this one is shared (QUALITY.md), so the timeout is no speed bar.
  }, 300_000);

  /** Side cases: one list of outcomes per test, compared through the known mismatches. */
  const outcomes = () => {
    const failures: string[] = [];
    return {
      failures,
      compare: (label: string, expected: number, response: { status: number; text: string }) => {
        const failure = verdict(label, String(expected), String(response.status));
        if (failure) failures.push(`${failure} ${response.text.slice(0, 200)}`);
      },
    };
  };

  it('lets a relay clerk change its own file only while it is CONTACT (403 later, nothing changed)', async () => {
    const { failures, compare } = outcomes();
    for (const clerk of [account('lagor.relais'), account('monein.relais')]) {
      for (const state of ['REGISTERED', 'RENEWAL_DUE', 'CLOSED'] as const) {
        const file = await fx.file(clerk, state);
        const before = await fx.version(file.id);
        const response = await t.request('PATCH', `/api/applicant-files/${file.id}`, {
          token: clerk.token,
          headers: await fx.ifMatch(file.id),
          body: { contact: { phone: '05 59 00 00 01' } },
        });
        compare(
          `PATCH /api/applicant-files/:id as ${clerk.username} on its own ${state} file`,
          403,
          response,
        );
        expect(await fx.version(file.id)).toBe(before);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets each role record only the partner events of its grant (403 for the others)', async () => {
    const { failures, compare } = outcomes();
    const bodyOf = (type: PartnerEventType) => ({
      type,
      occurredOn: TODAY,
      ...(type === 'COMMISSION_DECISION' ? { details: 'Attribution prononcée' } : {}),
      ...(type === 'OFFER_REFUSED' ? { reason: 'Logement trop éloigné' } : {}),
    });
    for (const caller of [...accounts.values()]) {
      const grant = grantOf(caller, 'files.partnerEvent');
      for (const type of PARTNER_EVENT_TYPES) {
        const allowed = grant !== undefined && (!grant.only || grant.only.includes(type));
        // A registered demand: shared, so in every scope that records events.
        const file = allowed
          ? await fx.file(account('sdsei.ts'), 'REGISTERED')
          : await fx.shared('events|registered', () => fx.file(account('sdsei.ts'), 'REGISTERED'));
        const response = await t.request('POST', `/api/applicant-files/${file.id}/events`, {
          token: caller.token,
          headers: await fx.ifMatch(file.id),
          body: bodyOf(type),
        });
        compare(
          `POST /api/applicant-files/:id/events ${type} as ${caller.username}`,
          allowed ? 201 : 403,
          response,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets only social workers log a social evaluation', async () => {
    const { failures, compare } = outcomes();
    for (const caller of [...accounts.values()]) {
      const allowed =
        grantOf(caller, 'evaluations.housingProject.write') !== undefined &&
        grantOf(caller, 'evaluations.social') !== undefined;
      const file = await fx.shared('social|registered', () => fx.file(account('sdsei.ts'), 'REGISTERED'));
      const response = await t.request('POST', `/api/applicant-files/${file.id}/evaluations`, {
        token: caller.token,
        body: { kind: 'SOCIAL', notes: 'Violences conjugales évoquées' },
      });
      compare(
        `POST /api/applicant-files/:id/evaluations SOCIAL as ${caller.username}`,
        allowed ? 201 : 403,
        response,
      );
    }
    expect(failures).toEqual([]);
  });

  it('serves sensitive documents per ACCESS.md: social workers all, info points their own uploads', async () => {
    const { failures, compare } = outcomes();
    // A registered demand: in the download scope of every role that downloads documents.
    const file = await fx.file(account('sdsei.ts'), 'REGISTERED');
    const byOther = {
      medical: await fx.upload(account('sdsei.ts'), file.id, 'MEDICAL_CERTIFICATE'),
      marked: await fx.upload(account('sdsei.ts'), file.id, 'TAX_NOTICE', true),
    };
    for (const caller of [...accounts.values()]) {
      const download = grantOf(caller, 'documents.download');
      const sensitive = grantOf(caller, 'documents.downloadSensitive');
      const expectFor = (ownUpload: boolean): number => {
        if (!download || !sensitive) return 403;
        if (sensitive.scope === 'all') return 200;
        return sensitive.scope === 'ownUploads' && ownUpload ? 200 : 404;
      };
      const otherOrganization = caller.user.organization.id !== account('sdsei.ts').user.organization.id;
      for (const [kind, id] of Object.entries(byOther)) {
        const response = await t.request('GET', `/api/documents/${id}/content`, { token: caller.token });
        compare(
          `GET /api/documents/:id/content as ${caller.username}: sensitive (${kind}), uploaded by ${otherOrganization ? 'another organisation' : 'its organisation'}`,
          expectFor(!otherOrganization),
          response,
        );
      }
      if (grantOf(caller, 'documents.upload') && otherOrganization) {
        const own = await fx.upload(caller, file.id, 'MEDICAL_CERTIFICATE');
        const response = await t.request('GET', `/api/documents/${own}/content`, { token: caller.token });
        compare(
          `GET /api/documents/:id/content as ${caller.username}: sensitive, uploaded by its organisation`,
          expectFor(true),
          response,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets only the organisation a referral is addressed to answer it (the sender is out of that scope: 404)', async () => {
    const { failures, compare } = outcomes();
    for (const username of ['lagor.relais', 'mourenx.agent', 'orthez.ts', 'office64.bailleur']) {
      const sender = account(username);
      const file = await fx.file(sender);
      const referral = await fx.refer(sender, file.id, fx.outsiderFor(sender));
      const response = await t.request('PATCH', `/api/referrals/${referral}`, {
        token: sender.token,
        body: { status: 'ACCEPTED' },
      });
      compare(`PATCH /api/referrals/:id as ${username}: the referral its organisation sent`, 404, response);
      const read = await t.request('GET', `/api/referrals/${referral}`, { token: sender.token });
      compare(`GET /api/referrals/:id as ${username}: the referral its organisation sent`, 200, read);
    }
    expect(failures).toEqual([]);
  });

  it('draws « shared » and « own » where ACCESS.md does, on the file read and the file list', async () => {
    const { failures, compare } = outcomes();
    const reaches = (scope: Scope | undefined, c: { shared: boolean; own: boolean }): boolean =>
      scope === 'all' || (scope === 'shared+own' && (c.shared || c.own)) || (scope === 'own' && c.own);
    for (const caller of [...accounts.values()]) {
      const other = fx.outsiderFor(caller);
      const byOther = (state: FileState) =>
        fx.shared(`boundary|${other.username}|${state}`, () => fx.file(other, state));
      const madeBy = (creator: string) =>
        creator === caller.username ? 'its organisation' : 'another organisation';
      const cases: { name: string; file: FileRef; shared: boolean; own: boolean }[] = [
        { name: 'REGISTERED', file: await byOther('REGISTERED'), shared: true, own: false },
        { name: 'RENEWAL_DUE', file: await byOther('RENEWAL_DUE'), shared: true, own: false },
        { name: 'CLOSED 2½ months ago', file: await byOther('CLOSED'), shared: true, own: false },
        { name: 'CONTACT', file: await byOther('CONTACT'), shared: false, own: false },
      ].map((c) => ({ ...c, name: `another organisation's ${c.name} file` }));
      // Made in the past by sdsei.ts (the clock moved back): its own files when it is the caller.
      const ownPast = caller.username === 'sdsei.ts';
      cases.push(
        {
          name: `${madeBy('sdsei.ts')}'s file CLOSED a year ago less a day`,
          file: closedUnderAYearAgo,
          shared: true,
          own: ownPast,
        },
        {
          name: `${madeBy('sdsei.ts')}'s file CLOSED a year ago to the day`,
          file: closedOneYearAgo,
          shared: false,
          own: ownPast,
        },
        {
          name: `${madeBy('sdsei.ts')}'s file CLOSED 13 months ago`,
          file: closedLongAgo,
          shared: false,
          own: ownPast,
        },
        {
          name: `${madeBy('sdsei.ts')}'s file CLOSED 12 months ago, referred by ${
            caller.username === 'office64.bailleur' ? 'its organisation' : 'office64.bailleur'
          }`,
          file: referredByLandlord,
          shared: false,
          own: ownPast || caller.username === 'office64.bailleur',
        },
      );
      if (caller.user.organization.type !== 'INTERCOMMUNALITY') {
        const referredTo = await fx.file(other);
        await fx.refer(other, referredTo.id, caller);
        cases.push({
          name: "another organisation's CONTACT file referred to its organisation",
          file: referredTo,
          shared: false,
          own: true,
        });
      }
      if (grantOf(caller, 'files.create')) {
        cases.push({
          name: 'a CONTACT file its organisation created',
          file: await fx.file(caller),
          shared: false,
          own: true,
        });
      }
      const read = grantOf(caller, 'files.read');
      const list = grantOf(caller, 'files.list');
      for (const c of cases) {
        const response = await t.request('GET', `/api/applicant-files/${c.file.id}`, { token: caller.token });
        compare(
          `GET /api/applicant-files/:id as ${caller.username}: ${c.name}`,
          !read ? 403 : reaches(read.scope, c) ? 200 : 404,
          response,
        );
        const found = await t.request('GET', `/api/applicant-files?q=${c.file.lastName}&pageSize=100`, {
          token: caller.token,
        });
        const listed = found.status === 200 && itemIds(found.body).includes(c.file.id);
        compare(
          `GET /api/applicant-files as ${caller.username}: lists ${c.name} (404 here: absent from the list)`,
          !list ? 403 : reaches(list.scope, c) ? 200 : 404,
          { status: found.status === 200 && !listed ? 404 : found.status, text: found.text },
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('meets every known mismatch it lists (remove the ones the application no longer shows)', () => {
    expect([...known.keys()].filter((label) => !seenKnown.has(label))).toEqual([]);
  });
});
