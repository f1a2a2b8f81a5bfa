import { describeChange, describeTarget } from './audit-changes';

describe('administration entries in French', () => {
  it('says a change with its values when the log keeps them, by its name otherwise', () => {
    expect(describeChange('USER', { field: 'role', from: 'INFO_POINT_AGENT', to: 'SOCIAL_WORKER' })).toBe(
      'Rôle : Agent de point-info → Travailleur social',
    );
    expect(describeChange('USER', { field: 'active', from: true, to: false })).toBe(
      'Compte actif : oui → non',
    );
    expect(describeChange('USER', { field: 'organization', to: 'CCAS d’Orthez' })).toBe(
      'Organisation : CCAS d’Orthez',
    );
    expect(describeChange('USER', { field: 'activationCode' })).toBe('Nouveau code d’activation');
    expect(describeChange('USER', { field: 'displayName' })).toBe('Nom et prénom');
    expect(describeChange('ORGANIZATION', { field: 'type', to: 'SOCIAL_SERVICE' })).toBe(
      'Type : Service social',
    );
    expect(describeChange('ORGANIZATION', { field: 'registersDemands', from: false, to: true })).toBe(
      'Service enregistreur : non → oui',
    );
    expect(describeChange('ORGANIZATION', { field: 'active', from: true, to: false })).toBe(
      'Organisation active : oui → non',
    );
  });

  it('names the target, or gives its number once it is gone', () => {
    expect(
      describeTarget({ type: 'USER', id: '0b6d2a4c-1111-4222-8333-944455556666', name: 'Maïté Etcheverry' }),
    ).toBe('Compte : Maïté Etcheverry');
    expect(describeTarget({ type: 'ORGANIZATION', id: '0b6d2a4c-1111-4222-8333-944455556666' })).toBe(
      'Organisation : n° 0b6d2a4c…',
    );
  });
});
