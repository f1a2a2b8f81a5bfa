import type { CommuneView, OrganizationView } from '@passerelle/shared/domain';
import type { CommuneEntity } from './commune.entity';
import type { OrganizationEntity } from './organization.entity';

export function toCommuneView(commune: CommuneEntity): CommuneView {
  return {
    inseeCode: commune.inseeCode,
    name: commune.name,
    postcodes: commune.postcodes,
    population: commune.population ?? 0,
  };
}

export function toOrganizationView(organization: OrganizationEntity): OrganizationView {
  const view: OrganizationView = {
    id: organization.id,
    name: organization.name,
    type: organization.type,
    registersDemands: organization.registersDemands,
    requiresProConnect: organization.requiresProConnect,
  };
  if (organization.inseeCode) view.inseeCode = organization.inseeCode;
  return view;
}
