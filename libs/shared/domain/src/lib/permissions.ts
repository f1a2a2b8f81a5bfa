import type { Capability, PartnerEventType, Role } from './codes';

/**
 * The permission table of ACCESS.md, as data. The API enforces it (route guard for the role,
 * repository queries for the scope, mappers for the views); the back office reads it only to
 * hide what cannot be done.
 */

export const ACTIONS = [
  'session.read',
  'reference.read',
  'files.list',
  'files.read',
  'files.duplicates',
  'files.create',
  'files.update',
  'files.lifecycle',
  'files.receptionRequest',
  'files.informationNotice',
  'files.partnerEvent',
  'evaluations.housingProject.read',
  'evaluations.housingProject.write',
  'evaluations.social',
  'flags.suspect',
  'flags.list',
  'flags.readSuspected',
  'flags.decide',
  'flags.readConfirmed',
  'documents.upload',
  'documents.download',
  'documents.downloadSensitive',
  'documents.verify',
  'referrals.list',
  'referrals.create',
  'referrals.respond',
  'appointments.manage',
  'timeline.read',
  'reporting.read',
  'admin.users',
  'admin.organizations',
  'admin.referenceData',
  'audit.read',
  'privacy.export',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Which objects a grant reaches.
 * - `all`: every file of the territory;
 * - `shared+own`: files `REGISTERED`, `RENEWAL_DUE`, or `CLOSED` less than a year ago, plus `own`;
 * - `own`: files the user's organisation created, or that were referred by it or to it;
 * - `org`: the organisation's own records (appointments, referrals sent or received);
 * - `addressedToOrg`: records addressed to the user's organisation;
 * - `ownUploads`: documents uploaded by the user's organisation;
 * - `ownSuspicions`: flags the user's organisation suspected;
 * - `self`: the signed-in user only.
 */
export const SCOPES = [
  'all',
  'shared+own',
  'own',
  'org',
  'addressedToOrg',
  'ownUploads',
  'ownSuspicions',
  'self',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Which part of an object a grant shows (the mappers apply it). */
export type View =
  | 'full'
  | 'summary'
  | 'contactCard'
  | 'identityAndStatus'
  | 'referralEventsOnly'
  | 'withSocialContent'
  | 'withoutSocialContent'
  | 'codesOnly'
  | 'countsOnly'
  | 'ownOrganization'
  | 'ownOrganizationAndTerritory'
  | 'everything';

export interface Grant {
  readonly scope: Scope;
  readonly view?: View;
  /** The organisation must have this capability, or the action is refused (403). */
  readonly requires?: Capability;
  /** Files only: the action is allowed only while the file has one of these statuses (else 403). */
  readonly whileStatus?: readonly ('CONTACT' | 'REGISTERED' | 'RENEWAL_DUE' | 'CLOSED')[];
  /** Only these sub-kinds (for instance partner event types). */
  readonly only?: readonly PartnerEventType[];
  /** Dotted paths writable under this grant when not every field is (others answer 400). */
  readonly writableFields?: readonly string[];
}

type GrantRow = Readonly<Partial<Record<Role, Grant>>>;

/** What a relay clerk may write in a file: the applicant's identity and contact. */
const IDENTITY_AND_CONTACT = [
  'applicant.civility',
  'applicant.lastName',
  'applicant.usageName',
  'applicant.firstNames',
  'applicant.birthDate',
  'applicant.birthPlace',
  'applicant.nationality',
  'applicant.phone',
  'applicant.email',
  'contact',
] as const;

const ALL_ROLES_ALL: GrantRow = {
  RELAY_CLERK: { scope: 'all' },
  INFO_POINT_AGENT: { scope: 'all' },
  SOCIAL_WORKER: { scope: 'all' },
  LANDLORD_OFFICER: { scope: 'all' },
  COORDINATOR: { scope: 'all' },
};

/** Partner event types open to everyone who records events but the landlords' own. */
const NON_LANDLORD_EVENTS: readonly PartnerEventType[] = [
  'OFFER_MADE',
  'OFFER_REFUSED',
  'COMMISSION_DECISION',
  'NOTE',
];

export const PERMISSIONS: Readonly<Record<Action, GrantRow>> = {
  'session.read': {
    RELAY_CLERK: { scope: 'self' },
    INFO_POINT_AGENT: { scope: 'self' },
    SOCIAL_WORKER: { scope: 'self' },
    LANDLORD_OFFICER: { scope: 'self' },
    COORDINATOR: { scope: 'self' },
  },
  'reference.read': ALL_ROLES_ALL,
  'files.list': {
    RELAY_CLERK: { scope: 'own', view: 'summary' },
    INFO_POINT_AGENT: { scope: 'all', view: 'full' },
    SOCIAL_WORKER: { scope: 'all', view: 'full' },
    LANDLORD_OFFICER: { scope: 'shared+own', view: 'full' },
    COORDINATOR: { scope: 'all', view: 'summary' },
  },
  'files.read': {
    RELAY_CLERK: { scope: 'own', view: 'contactCard' },
    INFO_POINT_AGENT: { scope: 'all', view: 'full' },
    SOCIAL_WORKER: { scope: 'all', view: 'full' },
    LANDLORD_OFFICER: { scope: 'shared+own', view: 'full' },
    COORDINATOR: { scope: 'all', view: 'identityAndStatus' },
  },
  'files.duplicates': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'files.create': {
    RELAY_CLERK: { scope: 'own', writableFields: IDENTITY_AND_CONTACT },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'files.update': {
    RELAY_CLERK: { scope: 'own', whileStatus: ['CONTACT'], writableFields: IDENTITY_AND_CONTACT },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own', requires: 'registersDemands' },
  },
  'files.lifecycle': {
    INFO_POINT_AGENT: { scope: 'all', requires: 'registersDemands' },
    LANDLORD_OFFICER: { scope: 'shared+own', requires: 'registersDemands' },
  },
  'files.receptionRequest': {
    RELAY_CLERK: { scope: 'own' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  /** Whoever meets the applicant records that the personal-data notice was given (RGPD art. 13). */
  'files.informationNotice': {
    RELAY_CLERK: { scope: 'own' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'files.partnerEvent': {
    INFO_POINT_AGENT: { scope: 'all', only: NON_LANDLORD_EVENTS },
    SOCIAL_WORKER: { scope: 'all', only: ['NOTE'] },
    LANDLORD_OFFICER: { scope: 'shared+own', only: [...NON_LANDLORD_EVENTS, 'LEASE_SIGNED'] },
  },
  'evaluations.housingProject.read': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'evaluations.housingProject.write': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'evaluations.social': {
    SOCIAL_WORKER: { scope: 'all' },
  },
  'flags.suspect': {
    RELAY_CLERK: { scope: 'own' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  /** The flags list route; what it shows follows flags.readSuspected and flags.readConfirmed. */
  'flags.list': {
    RELAY_CLERK: { scope: 'own' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'flags.readSuspected': {
    RELAY_CLERK: { scope: 'ownSuspicions' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
  },
  'flags.decide': {
    SOCIAL_WORKER: { scope: 'all' },
  },
  'flags.readConfirmed': {
    INFO_POINT_AGENT: { scope: 'all', view: 'codesOnly' },
    SOCIAL_WORKER: { scope: 'all', view: 'full' },
    LANDLORD_OFFICER: { scope: 'shared+own', view: 'codesOnly' },
    COORDINATOR: { scope: 'all', view: 'countsOnly' },
  },
  'documents.upload': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'documents.download': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'documents.downloadSensitive': {
    INFO_POINT_AGENT: { scope: 'ownUploads' },
    SOCIAL_WORKER: { scope: 'all' },
  },
  'documents.verify': {
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own', requires: 'registersDemands' },
  },
  'referrals.list': {
    RELAY_CLERK: { scope: 'org' },
    INFO_POINT_AGENT: { scope: 'org' },
    SOCIAL_WORKER: { scope: 'org' },
    LANDLORD_OFFICER: { scope: 'org' },
  },
  'referrals.create': {
    RELAY_CLERK: { scope: 'own' },
    INFO_POINT_AGENT: { scope: 'all' },
    SOCIAL_WORKER: { scope: 'all' },
    LANDLORD_OFFICER: { scope: 'shared+own' },
  },
  'referrals.respond': {
    RELAY_CLERK: { scope: 'addressedToOrg' },
    INFO_POINT_AGENT: { scope: 'addressedToOrg' },
    SOCIAL_WORKER: { scope: 'addressedToOrg' },
    LANDLORD_OFFICER: { scope: 'addressedToOrg' },
  },
  'appointments.manage': {
    INFO_POINT_AGENT: { scope: 'org' },
    SOCIAL_WORKER: { scope: 'org' },
    LANDLORD_OFFICER: { scope: 'org' },
  },
  'timeline.read': {
    RELAY_CLERK: { scope: 'own', view: 'referralEventsOnly' },
    INFO_POINT_AGENT: { scope: 'all', view: 'withoutSocialContent' },
    SOCIAL_WORKER: { scope: 'all', view: 'withSocialContent' },
    LANDLORD_OFFICER: { scope: 'shared+own', view: 'withoutSocialContent' },
  },
  'reporting.read': {
    RELAY_CLERK: { scope: 'org', view: 'ownOrganization' },
    INFO_POINT_AGENT: { scope: 'org', view: 'ownOrganizationAndTerritory' },
    SOCIAL_WORKER: { scope: 'org', view: 'ownOrganizationAndTerritory' },
    LANDLORD_OFFICER: { scope: 'org', view: 'ownOrganizationAndTerritory' },
    COORDINATOR: { scope: 'all', view: 'everything' },
  },
  'admin.users': { COORDINATOR: { scope: 'all' } },
  'admin.organizations': { COORDINATOR: { scope: 'all' } },
  'admin.referenceData': { COORDINATOR: { scope: 'all' } },
  'audit.read': { COORDINATOR: { scope: 'all' } },
  'privacy.export': { COORDINATOR: { scope: 'all' } },
};

/** What a signed-in user carries that decides its rights. */
export interface Principal {
  readonly role: Role;
  readonly capabilities: readonly Capability[];
}

/** The grant a principal holds for an action, or `undefined` when it may not do it at all. */
export function grantFor(principal: Principal, action: Action): Grant | undefined {
  const grant = PERMISSIONS[action][principal.role];
  if (!grant) return undefined;
  if (grant.requires && !principal.capabilities.includes(grant.requires)) return undefined;
  return grant;
}

/**
 * `documents.downloadSensitive` for one document: social workers any, info-point agents their own
 * organisation's uploads, nobody else. Who may not sees it as « Pièce confidentielle » (ACCESS.md).
 * `uploadedByOrganizationId` unknown (the document is gone): only a grant over all of them reaches it.
 */
export function mayReadSensitiveDocument(
  principal: Principal,
  organizationId: string,
  uploadedByOrganizationId: string | null | undefined,
): boolean {
  const grant = grantFor(principal, 'documents.downloadSensitive');
  if (!grant) return false;
  if (grant.scope === 'ownUploads') return uploadedByOrganizationId === organizationId;
  return grant.scope === 'all';
}

export function can(principal: Principal, action: Action): boolean {
  return grantFor(principal, action) !== undefined;
}

/** Every action a principal may do, for the back office's navigation. */
export function allowedActions(principal: Principal): Action[] {
  return ACTIONS.filter((action) => can(principal, action));
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
