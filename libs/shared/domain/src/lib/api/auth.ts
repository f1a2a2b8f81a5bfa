import type { OrganizationType, Role } from '../codes';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  type: OrganizationType;
  registersDemands: boolean;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organization: OrganizationSummary;
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  user: CurrentUser;
}
