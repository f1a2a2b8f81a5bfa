import type { Role } from '../codes';

/** Where the ProConnect routes live; the cookie of a sign-in under way is scoped to them. */
export const PROCONNECT_PATH = '/api/auth/proconnect';
/** The cookie that ties a ProConnect callback to the browser that started the sign-in. */
export const PROCONNECT_FLOW_COOKIE = 'passerelle_proconnect';

/** How one may sign in here (`GET /api/auth/methods`, no sign-in needed). */
export interface SignInMethods {
  /** « S'identifier avec ProConnect » is offered (OIDC_ISSUER is set). */
  proconnect: boolean;
}

/** `POST /api/auth/logout` of a ProConnect session: the browser goes on to the provider's logout. */
export interface LogoutResponse {
  redirectTo: string;
}

/**
 * Why ProConnect's agent was not let in, or why the sign-in did not come to an end; the back office's
 * page says it in French. `EXPIRED`: a callback whose state is missing, not this browser's, unknown,
 * already used or expired; `FAILED`: the provider refused the code or answered something invalid;
 * `UNAVAILABLE`: the provider does not answer.
 */
export const PROCONNECT_REFUSALS = [
  'UNKNOWN_ACCOUNT',
  'ACCOUNT_INACTIVE',
  'ACR_TOO_WEAK',
  'EXPIRED',
  'FAILED',
  'UNAVAILABLE',
] as const;
export type ProConnectRefusal = (typeof PROCONNECT_REFUSALS)[number];

/** The back office's page that says why (`?motif=<refusal>`). */
export const PROCONNECT_REFUSAL_PAGE = '/connexion/proconnect';

export const PROCONNECT_REFUSAL_LABELS: Record<ProConnectRefusal, { title: string; text: string }> = {
  UNKNOWN_ACCOUNT: {
    title: 'Votre compte Passerelle n’est pas encore ouvert',
    text: 'ProConnect vous a bien identifié, mais aucun compte Passerelle n’est ouvert à votre nom. Votre demande a été transmise à la coordination de la Communauté de communes de Lacq-Orthez, qui ouvre les comptes : adressez-vous à elle (service habitat de la CCLO). Vous pourrez ensuite vous identifier avec ProConnect.',
  },
  ACCOUNT_INACTIVE: {
    title: 'Votre compte Passerelle est désactivé',
    text: 'Votre compte a été désactivé. Adressez-vous à la coordination de la Communauté de communes de Lacq-Orthez (service habitat de la CCLO) si vous devez y accéder de nouveau.',
  },
  ACR_TOO_WEAK: {
    title: 'Votre identité n’est pas assez vérifiée',
    text: 'Passerelle contient des données sensibles : elle demande une identité vérifiée par votre employeur ou votre fournisseur d’identité. Identifiez-vous avec le compte professionnel de votre organisation, ou adressez-vous à la coordination de la CCLO.',
  },
  EXPIRED: {
    title: 'La connexion avec ProConnect n’a pas abouti',
    text: 'La connexion a expiré ou a déjà été utilisée : recommencez depuis la page de connexion.',
  },
  FAILED: {
    title: 'La connexion avec ProConnect n’a pas abouti',
    text: 'ProConnect n’a pas confirmé votre identité ou la connexion a été interrompue. Recommencez depuis la page de connexion.',
  },
  UNAVAILABLE: {
    title: 'ProConnect ne répond pas',
    text: 'Passerelle ne parvient pas à joindre ProConnect pour le moment. Réessayez dans quelques instants ; si votre organisation le permet, vous pouvez aussi vous connecter avec votre identifiant et votre mot de passe.',
  },
};

/** What ProConnect said of an agent who has no account here, for the coordinator. */
export interface ProConnectRequestView {
  id: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  siret: string | null;
  organizationLabel: string | null;
  createdAt: string;
  lastAttemptAt: string;
}

/** Opens an account for a request: active at once and linked to the agent (no password, no code). */
export interface OpenAccountRequest {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  organizationId: string;
}

/** The one spelling of an e-mail address: spaces around and capitals name the same address. */
export function normaliseEmail(typed: string): string {
  return typed.trim().toLowerCase();
}
