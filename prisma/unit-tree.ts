/** The unit tree: a unit and everything below it (a cycle's scope, a calibrator's scope, checks of a cycle's units). */
import type { Db } from './client';

/** Unit ids of a unit and, optionally, all its descendants (the unit first). */
export async function unitScope(prisma: Db, unitId: number, descendants = true): Promise<number[]> {
  if (!descendants) return [unitId];
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE tree AS (SELECT id FROM units WHERE id = ${unitId}
      UNION ALL SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id)
    SELECT id FROM tree`;
  return rows.map((r) => Number(r.id));
}
