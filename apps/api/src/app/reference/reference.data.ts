import type { OrganizationType } from '@passerelle/shared/domain';

/** The CCLO's EPCI code: its member communes come from `@etalab/decoupage-administratif`. */
export const CCLO_EPCI_CODE = '200039204';

/** INSEE codes of the two communes with an info point instead of a relay point. */
export const MOURENX_INSEE = '64410';
export const ORTHEZ_INSEE = '64430';

export interface OrganizationSeed {
  code: string;
  name: string;
  type: OrganizationType;
  registersDemands: boolean;
  inseeCode?: string;
}

/** The organisations of DOMAIN.md §1 that are not relay points (those come from the communes). */
export const ORGANIZATION_SEEDS: readonly OrganizationSeed[] = [
  {
    code: 'INFO_POINT_MOURENX',
    name: 'Point-info logement social de Mourenx',
    type: 'INFO_POINT',
    registersDemands: true,
    inseeCode: MOURENX_INSEE,
  },
  {
    code: 'INFO_POINT_ORTHEZ',
    name: "Point-info logement social d'Orthez",
    type: 'INFO_POINT',
    registersDemands: false,
    inseeCode: ORTHEZ_INSEE,
  },
  { code: 'LANDLORD_CDC_HABITAT', name: 'CDC Habitat', type: 'LANDLORD', registersDemands: true },
  {
    code: 'LANDLORD_CDC_HABITAT_SOCIAL',
    name: 'CDC Habitat Social',
    type: 'LANDLORD',
    registersDemands: true,
  },
  { code: 'LANDLORD_OFFICE64', name: "Office 64 de l'Habitat", type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_BEARNAISE', name: 'Béarnaise Habitat', type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_OPH_PAU', name: "Office Palois de l'Habitat", type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_HABITELEM', name: 'Habitelem', type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_COL', name: 'COL', type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_SOLIHA', name: 'SOLIHA', type: 'LANDLORD', registersDemands: true },
  { code: 'LANDLORD_BAL', name: 'BAL', type: 'LANDLORD', registersDemands: true },
  {
    code: 'SOCIAL_SERVICE_SDSEI',
    name: "Service Départemental des Solidarités et de l'Insertion (SDSEI)",
    type: 'SOCIAL_SERVICE',
    registersDemands: false,
  },
  {
    code: 'SOCIAL_SERVICE_CCAS_ORTHEZ',
    name: "CCAS d'Orthez",
    type: 'SOCIAL_SERVICE',
    registersDemands: false,
    inseeCode: ORTHEZ_INSEE,
  },
  {
    code: 'CCLO',
    name: 'Communauté de communes de Lacq-Orthez (CCLO)',
    type: 'INTERCOMMUNALITY',
    registersDemands: false,
    inseeCode: MOURENX_INSEE,
  },
];

export const relayPointCode = (inseeCode: string): string => `RELAY_${inseeCode}`;

/** « Mairie de Lagor », « Mairie d'Artix », « Mairie d'Hagetaubin ». */
export function townHallName(communeName: string): string {
  return /^[AEIOUYHÀÂÉÈÊËÎÏÔÛÙ]/i.test(communeName) ? `Mairie d'${communeName}` : `Mairie de ${communeName}`;
}
