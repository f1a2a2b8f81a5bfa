import type { OrganizationType, Role } from '../codes';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: { id: string; name: string; type: OrganizationType };
  active: boolean;
  /** False until the account's owner has set a password with the activation code. */
  activated: boolean;
  /** A second factor (TOTP) is enrolled. */
  secondFactor: boolean;
  createdAt: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export interface UpdateUserRequest {
  displayName?: string;
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
}

export interface UpdateOrganizationRequest {
  name?: string;
  registersDemands?: boolean;
  active?: boolean;
}
