/**
 * The demo seed needs a staff member with a rater and a rater's superior for its accounts. `chaos:cycle` and the
 * benches seed organisations of any size: one too small is refused with a message saying the least that works, before
 * anything is stored (it used to fail on `superiorKey` of undefined, after inserting the organisation).
 */
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the demo seed and the size of the organisation', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('seed_size');
  });
  afterAll(() => db.drop());

  it('refuses an organisation too small for the demo accounts, storing no employee, and seeds one of 13', async () => {
    await expect(seedDemo(db.prisma, { employees: 10 })).rejects.toThrow(/use 13 employees or more/);
    expect(await db.prisma.employee.count()).toBe(0);

    await expect(seedDemo(db.prisma, { employees: 13 })).resolves.toMatchObject({ created: true });
    expect(await db.prisma.employee.count()).toBe(13);
    const pegawai = await db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const rater = await db.prisma.employee.findUniqueOrThrow({ where: { id: pegawai.employee!.superiorId! } });
    expect(rater.superiorId).not.toBeNull();
  });
});
