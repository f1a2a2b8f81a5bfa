import type { EntityManager } from 'typeorm';

/** Mourenx receives without appointment on Wednesday and Friday, 8:00–12:00 (DOMAIN.md §1). */
export const MOURENX_WALK_IN = [
  { isoWeekday: 3, startsAt: '08:00:00', endsAt: '12:00:00' },
  { isoWeekday: 5, startsAt: '08:00:00', endsAt: '12:00:00' },
] as const;

export async function seedWalkInSlots(manager: EntityManager): Promise<void> {
  for (const slot of MOURENX_WALK_IN) {
    await manager.query(
      `INSERT INTO walk_in_slot (organization_id, iso_weekday, starts_at, ends_at)
       SELECT o.id, $1, $2, $3 FROM organization o
        WHERE o.code = 'INFO_POINT_MOURENX'
          AND NOT EXISTS (SELECT 1 FROM walk_in_slot s WHERE s.organization_id = o.id AND s.iso_weekday = $1 AND s.starts_at = $2)`,
      [slot.isoWeekday, slot.startsAt, slot.endsAt],
    );
  }
}
