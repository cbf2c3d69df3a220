import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';
import { createAndStartCycle, drive } from './cycle-driver';

/**
 * The calibration task is stored by the checkCalibration activity before its result reaches the cycle workflow. HR
 * can see it in the list and send it in that gap: the update must wait for the result, not be refused with 409.
 * The activity is held back after storing the task until HR's request has been sent for a while.
 */
describe('calibration task answered before the cycle workflow has heard of it (time-skipping server, PostgreSQL)', () => {
  let t: WorkflowTestContext;
  let releaseCheck: () => void = () => undefined;
  const checkHeld = new Promise<void>((resolve) => (releaseCheck = resolve));
  let heldWhileStored = false;

  beforeAll(async () => {
    t = await setupWorkflowTest('cycle_calibration_race', {
      activities: (real) => ({
        ...real,
        checkCalibration: async (input) => {
          const result = await real.checkCalibration(input);
          if (result.violating.length) {
            heldWhileStored = true;
            await checkHeld;
          }
          return result;
        },
      }),
    });
  });
  afterAll(() => t?.teardown());

  it('accepts the answer sent while checkCalibration is still returning, and the cycle closes', async () => {
    const pegawai = await t.db.prisma.user.findUniqueOrThrow({
      where: { username: 'pegawai' },
      include: { employee: true },
    });
    const unitId = pegawai.employee!.unitId;
    // Every appraisal rated MEETS / MEETS → all Baik, which breaks the curve of a unit rated Baik.
    const { cycle } = await createAndStartCycle(t, { unitId });
    let sentWhileHeld = false;
    const completed = await drive(
      t,
      cycle.id,
      async () => (await t.db.prisma.cycle.findUniqueOrThrow({ where: { id: cycle.id } })).status === 'CLOSED',
      {
        'calibration.unit': () => {
          sentWhileHeld = heldWhileStored;
          // drive() sends the answer right after this returns; the activity returns 1.5 s later.
          setTimeout(releaseCheck, 1500);
          return { action: 'JUSTIFY', justification: 'Unit kecil; sebaran wajar menurut pimpinan' };
        },
      },
    );
    expect(sentWhileHeld).toBe(true);
    expect(completed.filter((c) => c.type === 'calibration.unit')).toHaveLength(1);
    const rating = await t.db.prisma.unitCycleRating.findUniqueOrThrow({
      where: { cycleId_unitId: { cycleId: cycle.id, unitId } },
    });
    expect(rating.status).toBe('JUSTIFIED');
    expect(rating.justification).toBe('Unit kecil; sebaran wajar menurut pimpinan');
  });
});
