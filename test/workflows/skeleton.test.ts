import request from 'supertest';
import { setupWorkflowTest, type WorkflowTestContext } from '../helpers/temporal-env';

describe('walking skeleton: API → Temporal (time-skipping test server) → activity → PostgreSQL', () => {
  let t: WorkflowTestContext;
  beforeAll(async () => {
    t = await setupWorkflowTest('skeleton');
  });
  afterAll(() => t?.teardown());

  it('POST /api/skeleton-runs runs the workflow, whose activity writes the row and an audit event', async () => {
    const token = await t.login('admin');
    const res = await request(t.app)
      .post('/api/skeleton-runs')
      .set('Authorization', `Bearer ${token}`)
      .send({ message: 'Uji kerangka' })
      .expect(201);
    expect(res.body.workflowId).toMatch(/^skeleton-/);
    expect(res.body.result).toEqual({ skeletonRunId: expect.any(Number), message: 'Uji kerangka' });

    const row = await t.db.prisma.skeletonRun.findUnique({ where: { workflowId: res.body.workflowId } });
    expect(row).toMatchObject({ id: res.body.result.skeletonRunId, message: 'Uji kerangka' });
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { entity: 'skeleton-run', entityId: String(row!.id) },
    });
    expect(audit?.actor).toBe(`system:${res.body.workflowId}`);
    expect(audit?.after).toMatchObject({ requestedBy: 'admin' });

    const handle = t.env.client.workflow.getHandle(res.body.workflowId);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('a non-HR user may not start it', async () => {
    const token = await t.login('pegawai');
    await request(t.app).post('/api/skeleton-runs').set('Authorization', `Bearer ${token}`).send({}).expect(403);
  });
});
