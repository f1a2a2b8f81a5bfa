import { FormControl } from '@angular/forms';
import type { OrganizationView } from '@passerelle/shared/domain';
import { organizationsForRole, usernameValidator } from './user-form';

const control = (value: string) => new FormControl(value, { nonNullable: true });

const organizations: OrganizationView[] = [
  {
    id: '1',
    name: 'Mairie de Lagor',
    type: 'RELAY_POINT',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: '2',
    name: 'Point-info Mourenx',
    type: 'INFO_POINT',
    registersDemands: true,
    requiresProConnect: false,
  },
  {
    id: '3',
    name: 'CCAS d’Orthez',
    type: 'SOCIAL_SERVICE',
    registersDemands: false,
    requiresProConnect: false,
  },
  {
    id: '4',
    name: 'Mairie d’Artix',
    type: 'RELAY_POINT',
    registersDemands: false,
    requiresProConnect: false,
  },
];

describe('user form rules', () => {
  it('accepts usernames the API accepts', () => {
    expect(usernameValidator(control('artix.relais'))).toBeNull();
    expect(usernameValidator(control(''))).toBeNull();
    expect(usernameValidator(control('Artix Relais'))).toEqual({ username: true });
    expect(usernameValidator(control('ab'))).toEqual({ username: true });
  });

  it('offers only the organisations of the role, sorted in French', () => {
    expect(organizationsForRole(organizations, 'RELAY_CLERK').map((item) => item.id)).toEqual(['4', '1']);
    expect(organizationsForRole(organizations, 'SOCIAL_WORKER').map((item) => item.id)).toEqual(['3', '2']);
    expect(organizationsForRole(organizations, '')).toEqual([]);
  });
});
