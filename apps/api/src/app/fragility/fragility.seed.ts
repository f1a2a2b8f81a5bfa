import type { EntityManager } from 'typeorm';
import { FRAGILITY_CRITERIA, FRAGILITY_CRITERIA_VERSION } from '@passerelle/shared/domain';
import { FragilityCriterionEntity } from './fragility-criterion.entity';

/** Seeds the current version of the criteria; rows of older versions stay, no longer current. */
export async function seedFragilityCriteria(manager: EntityManager): Promise<number> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(FragilityCriterionEntity)
    .values(FRAGILITY_CRITERIA.map((code) => ({ code, version: FRAGILITY_CRITERIA_VERSION, current: true })))
    .orIgnore()
    .execute();
  await manager.query('UPDATE fragility_criterion SET current = (version = $1)', [
    FRAGILITY_CRITERIA_VERSION,
  ]);
  return FRAGILITY_CRITERIA.length;
}
