import type { CurrentUser, LoginResponse, Role } from '@passerelle/shared/domain';

const ORGANIZATIONS: Record<Role, CurrentUser['organization']> = {
  RELAY_CLERK: { id: 'org-lagor', name: 'Mairie de Lagor', type: 'RELAY_POINT', registersDemands: false },
  INFO_POINT_AGENT: {
    id: 'org-mourenx',
    name: 'Point-info logement social de Mourenx',
    type: 'INFO_POINT',
    registersDemands: true,
  },
  SOCIAL_WORKER: { id: 'org-sdsei', name: 'SDSEI', type: 'SOCIAL_SERVICE', registersDemands: false },
  LANDLORD_OFFICER: {
    id: 'org-office64',
    name: "Office 64 de l'Habitat",
    type: 'LANDLORD',
    registersDemands: true,
  },
  COORDINATOR: { id: 'org-cclo', name: 'CCLO', type: 'INTERCOMMUNALITY', registersDemands: false },
};

export function aUser(role: Role, overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: `user-${role.toLowerCase()}`,
    username: `${role.toLowerCase()}.test`,
    displayName: 'Camille Etcheverry',
    role,
    organization: ORGANIZATIONS[role],
    ...overrides,
  };
}

export function aLoginResponse(n: number, user: CurrentUser = aUser('INFO_POINT_AGENT')): LoginResponse {
  return { accessToken: `access-${n}`, user };
}
