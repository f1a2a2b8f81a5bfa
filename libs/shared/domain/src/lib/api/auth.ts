import type { OrganizationType, Role } from '../codes';

export interface LoginRequest {
  username: string;
  password: string;
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

/**
 * A session's tokens: the access token, kept in the page's memory; the refresh token travels only
 * in an `HttpOnly` cookie scoped to `/api/auth` (REFRESH_COOKIE), out of any script's reach.
 */
export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}

/** The cookie that carries the refresh token (`HttpOnly`, `SameSite=Strict`, `Path=/api/auth`). */
export const REFRESH_COOKIE = 'passerelle_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
