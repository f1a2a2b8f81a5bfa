import type { OrganizationType } from '../codes';

export interface CommuneView {
  inseeCode: string;
  name: string;
  postcodes: string[];
  population: number;
}

export interface OrganizationView {
  id: string;
  name: string;
  type: OrganizationType;
  registersDemands: boolean;
  /** The commune of a relay point (its town hall). */
  inseeCode?: string;
  /** Its members sign in with ProConnect only. */
  requiresProConnect: boolean;
}
