import { ccloOrganizations, loadCcloCommunes } from './reference.seed';
import { townHallName } from './reference.data';

describe('reference data from @etalab/decoupage-administratif', () => {
  const communes = loadCcloCommunes();
  const current = communes.filter((c) => c.current);

  it('has the 60 current communes of the CCLO with postcodes and population', () => {
    expect(current).toHaveLength(60);
    const orthez = current.find((c) => c.inseeCode === '64430');
    expect(orthez).toMatchObject({ name: 'Orthez', postcodes: ['64300'] });
    expect(orthez?.population).toBeGreaterThan(10000);
    for (const commune of current) {
      expect(commune.inseeCode).toMatch(/^64\d{3}$/);
      expect(commune.postcodes.length).toBeGreaterThan(0);
    }
  });

  it('keeps Urdès, merged into Lacq, readable but not current', () => {
    expect(communes.find((c) => c.name === 'Urdès')).toMatchObject({
      inseeCode: '64541',
      current: false,
      mergedIntoInseeCode: '64300',
    });
  });

  it('makes 58 relay points, two info points, nine landlords, two social services and the CCLO', () => {
    const organizations = ccloOrganizations(communes);
    const count = (type: string) => organizations.filter((o) => o.type === type).length;
    expect(count('RELAY_POINT')).toBe(58);
    expect(count('INFO_POINT')).toBe(2);
    expect(count('LANDLORD')).toBe(9);
    expect(count('SOCIAL_SERVICE')).toBe(2);
    expect(count('INTERCOMMUNALITY')).toBe(1);
    expect(organizations.filter((o) => o.registersDemands).map((o) => o.code)).toHaveLength(10);
    expect(organizations.find((o) => o.code === 'INFO_POINT_ORTHEZ')?.registersDemands).toBe(false);
    expect(new Set(organizations.map((o) => o.code)).size).toBe(organizations.length);
  });

  it('names town halls with the French elision', () => {
    expect(townHallName('Lagor')).toBe('Mairie de Lagor');
    expect(townHallName('Artix')).toBe("Mairie d'Artix");
    expect(townHallName('Os-Marsillon')).toBe("Mairie d'Os-Marsillon");
    expect(townHallName('Hagetaubin')).toBe("Mairie d'Hagetaubin");
  });
});
