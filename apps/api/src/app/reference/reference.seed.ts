import type { EntityManager } from 'typeorm';
import { CommuneEntity } from './commune.entity';
import { OrganizationEntity } from './organization.entity';
import {
  CCLO_EPCI_CODE,
  MOURENX_INSEE,
  ORGANIZATION_SEEDS,
  ORTHEZ_INSEE,
  type OrganizationSeed,
  relayPointCode,
  townHallName,
} from './reference.data';

interface EtalabCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
}

interface EtalabEpci {
  code: string;
  membres: { code: string }[];
}

/** The communes of the CCLO, read from the official package (never typed by hand). */
export function loadCcloCommunes(): Omit<CommuneEntity, 'id' | 'createdAt'>[] {
  // Plain requires: the package's own index reads files relative to the working directory.
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[];
  const epci = epcis.find((candidate) => candidate.code === CCLO_EPCI_CODE);
  if (!epci) throw new Error(`EPCI ${CCLO_EPCI_CODE} missing from @etalab/decoupage-administratif`);
  const memberCodes = new Set(epci.membres.map((member) => member.code));
  const current = communes.filter((c) => c.type === 'commune-actuelle' && memberCodes.has(c.code));
  const result: Omit<CommuneEntity, 'id' | 'createdAt'>[] = current.map((commune) => ({
    inseeCode: commune.code,
    name: commune.nom,
    postcodes: commune.codesPostaux ?? [],
    population: commune.population ?? null,
    current: true,
    mergedIntoInseeCode: null,
  }));
  // Former communes merged into a member (Urdès → Lacq) stay readable in old files.
  for (const member of current) {
    for (const formerCode of member.anciensCodes ?? []) {
      const former = communes.find(
        (c) => c.code === formerCode && c.chefLieu === member.code && c.type !== 'commune-actuelle',
      );
      if (former && !result.some((r) => r.inseeCode === former.code)) {
        result.push({
          inseeCode: former.code,
          name: former.nom,
          postcodes: member.codesPostaux ?? [],
          population: null,
          current: false,
          mergedIntoInseeCode: member.code,
        });
      }
    }
  }
  return result;
}

export function ccloOrganizations(
  communes: { inseeCode: string; name: string; current: boolean }[],
): OrganizationSeed[] {
  const relayPoints: OrganizationSeed[] = communes
    .filter((c) => c.current && c.inseeCode !== MOURENX_INSEE && c.inseeCode !== ORTHEZ_INSEE)
    .map((c) => ({
      code: relayPointCode(c.inseeCode),
      name: townHallName(c.name),
      type: 'RELAY_POINT',
      registersDemands: false,
      inseeCode: c.inseeCode,
    }));
  return [...ORGANIZATION_SEEDS, ...relayPoints];
}

/**
 * Inserts or refreshes the reference data; idempotent. Organisations are matched on their stable
 * code, so a coordinator's edits to other organisations are never touched.
 */
export async function seedReferenceData(
  manager: EntityManager,
): Promise<{ communes: number; organizations: number }> {
  const communes = loadCcloCommunes();
  await manager
    .createQueryBuilder()
    .insert()
    .into(CommuneEntity)
    .values(communes)
    .orUpdate(['name', 'postcodes', 'population', 'current', 'merged_into_insee_code'], ['insee_code'])
    .execute();
  const organizations = ccloOrganizations(communes);
  await manager
    .createQueryBuilder()
    .insert()
    .into(OrganizationEntity)
    .values(organizations.map((o) => ({ ...o, inseeCode: o.inseeCode ?? null })))
    .orUpdate(['name', 'type', 'registers_demands', 'insee_code'], ['code'])
    .execute();
  return { communes: communes.length, organizations: organizations.length };
}
