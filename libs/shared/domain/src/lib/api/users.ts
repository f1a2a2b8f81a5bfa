import type { OrganizationType, Role } from '../codes';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  /** Lower-case; how ProConnect finds the account the first time. */
  email: string | null;
  role: Role;
  organization: { id: string; name: string; type: OrganizationType };
  active: boolean;
  /** Linked to a ProConnect agent (its `sub` is stored). */
  proconnect: boolean;
  /** False until the account's owner has set a password with the activation code. */
  activated: boolean;
  /** A second factor (TOTP) is enrolled. */
  secondFactor: boolean;
  createdAt: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  email?: string;
  role: Role;
  organizationId: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  /** null: no e-mail any more. */
  email?: string | null;
  role?: Role;
  organizationId?: string;
  active?: boolean;
  /** A new one-time activation code (the password is forgotten). */
  newActivationCode?: boolean;
  /** Remove the second factor and its recovery codes: the user enrols again (a lost phone). */
  resetSecondFactor?: boolean;
}

/** The code is shown once: hand it to the user, who sets a password with it. */
export interface UserWithActivationCode {
  user: UserView;
  activationCode?: string;
  activationExpiresAt?: string;
}

export interface ActivateAccountRequest {
  username: string;
  activationCode: string;
  password: string;
}

export interface CreateOrganizationRequest {
  name: string;
  type: OrganizationType;
  registersDemands: boolean;
  inseeCode?: string;
  requiresProConnect?: boolean;
}

export interface UpdateOrganizationRequest {
  name?: string;
  registersDemands?: boolean;
  active?: boolean;
  /** Its members sign in with ProConnect only. */
  requiresProConnect?: boolean;
}
