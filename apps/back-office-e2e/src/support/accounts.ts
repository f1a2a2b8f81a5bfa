import type { Role } from '@passerelle/shared/domain';

/** The demo accounts of API.md « Demo accounts », seeded by `npm start` in demo mode. */
export interface DemoAccount {
  readonly username: string;
  readonly role: Role;
  /** How API.md names the organisation (the seed may spell it in full). */
  readonly organization: string;
}

export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'mourenx.agent', role: 'INFO_POINT_AGENT', organization: 'Mourenx' },
  { username: 'orthez.accueil', role: 'INFO_POINT_AGENT', organization: 'Orthez' },
  { username: 'orthez.ts', role: 'SOCIAL_WORKER', organization: "CCAS d'Orthez" },
  { username: 'sdsei.ts', role: 'SOCIAL_WORKER', organization: 'SDSEI' },
  { username: 'lagor.relais', role: 'RELAY_CLERK', organization: 'Lagor' },
  { username: 'monein.relais', role: 'RELAY_CLERK', organization: 'Monein' },
  { username: 'office64.bailleur', role: 'LANDLORD_OFFICER', organization: "Office 64 de l'Habitat" },
  { username: 'bearnaise.bailleur', role: 'LANDLORD_OFFICER', organization: 'Béarnaise Habitat' },
  { username: 'cclo.coordination', role: 'COORDINATOR', organization: 'CCLO' },
];
