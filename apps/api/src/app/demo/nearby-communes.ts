import type { SyntheticCommune } from './synthetic-files';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * Towns around the territory where some applicants live before they move in (Pau, Dax, Salies…),
 * read from the official package like the CCLO's own communes, never typed by hand.
 */
export function loadNearbyCommunes(
  excludedInseeCodes: ReadonlySet<string>,
  {
    departments = ['64', '40'],
    minPopulation = 1500,
  }: { departments?: string[]; minPopulation?: number } = {},
): SyntheticCommune[] {
  // A plain require, as in reference.seed.ts: the package's index reads files relative to the cwd.
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  return communes
    .filter(
      (c) =>
        c.type === 'commune-actuelle' &&
        departments.includes(c.departement ?? '') &&
        (c.population ?? 0) >= minPopulation &&
        !excludedInseeCodes.has(c.code),
    )
    .map((c) => ({
      inseeCode: c.code,
      name: c.nom,
      postcodes: c.codesPostaux ?? [],
      population: c.population ?? null,
      current: true,
    }));
}
