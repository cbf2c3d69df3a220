import request from 'supertest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/seed-database';
import { defaultRulesets } from '../../rules';
import { hashPassword } from '../../server/auth/password';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The finding: `admin` creates a SCORING draft; `admin2` edits, submits and approves it alone. */
describe('four eyes on rule-set versions (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createTestApp>['app'];
  const auth: Record<string, string> = {};
  const api = (method: 'get' | 'post' | 'put', path: string, who: string) =>
    request(app)[method](path).set('Authorization', auth[who]);

  /** BELOW × BELOW → SANGAT_BAIK, with the golden test edited to match (the finding's change). */
  const tamperedScoring = () => {
    const doc = structuredClone(defaultRulesets.SCORING) as any;
    const rule = doc.rules.find(
      (r: any) => r.conditions.all[0].value === 'BELOW' && r.conditions.all[1].value === 'BELOW',
    );
    rule.event.params.predicate = 'SANGAT_BAIK';
    for (const t of doc.tests)
      if (t.facts.resultRating === 'BELOW' && t.facts.behaviourRating === 'BELOW')
        t.expect.events = [{ type: 'predicate', params: { predicate: 'SANGAT_BAIK' } }];
    return { doc, ruleName: rule.name as string };
  };

  beforeAll(async () => {
    db = await createTestDatabase('four_eyes');
    await seedDemo(db.prisma);
    await db.prisma.user.create({
      data: { username: 'admin3', passwordHash: await hashPassword(DEMO_PASSWORD), roles: ['HR_ADMIN'] },
    });
    app = createTestApp(db).app;
    for (const u of ['admin', 'admin2', 'admin3', 'auditor']) {
      const res = await request(app).post('/api/auth/login').send({ username: u, password: DEMO_PASSWORD });
      auth[u] = `Bearer ${res.body.token}`;
    }
  });
  afterAll(() => db.drop());

  it('an editor who submits cannot approve, nor can the author: 409 naming the rule; a third admin can', async () => {
    const draft = await api('post', '/api/rulesets', 'admin').send({ kind: 'SCORING' }).expect(201);
    const id = draft.body.id;
    const { doc } = tamperedScoring();
    await api('put', `/api/rulesets/${id}`, 'admin2').send({ document: doc }).expect(200);
    await api('post', `/api/rulesets/${id}/submit`, 'admin2').send({}).expect(200);

    const byEditor = await api('post', `/api/rulesets/${id}/approve`, 'admin2').send({}).expect(409);
    expect(byEditor.body.error).toMatchObject({
      code: 'FOUR_EYES',
      details: { rule: 'FOUR_EYES', action: 'approve', excluded: ['admin', 'admin2'] },
    });
    expect(byEditor.body.error.message).toMatch(/^Aturan empat mata \(FOUR_EYES\)/);
    const byAuthor = await api('post', `/api/rulesets/${id}/approve`, 'admin').send({}).expect(409);
    expect(byAuthor.body.error.code).toBe('FOUR_EYES');
    expect((await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    const row = await db.prisma.ruleSetVersion.findUniqueOrThrow({ where: { id }, include: { editors: true } });
    const ids = await db.prisma.user.findMany({
      where: { username: { in: ['admin', 'admin2'] } },
      orderBy: { id: 'asc' },
    });
    expect(row.editors.map((e) => e.userId).sort((a, b) => a - b)).toEqual(ids.map((u) => u.id));
    expect(row.submittedById).toBe(ids.find((u) => u.username === 'admin2')!.id);

    const published = await api('post', `/api/rulesets/${id}/approve`, 'admin3').send({}).expect(200);
    expect(published.body.status).toBe('PUBLISHED');
  });

  it('a submitter who did not edit cannot approve either; returning and re-editing keeps every editor', async () => {
    const draft = await api('post', '/api/rulesets', 'admin').send({ kind: 'PAY' }).expect(201);
    const id = draft.body.id;
    await api('post', `/api/rulesets/${id}/submit`, 'admin2').send({}).expect(200);
    await api('post', `/api/rulesets/${id}/approve`, 'admin2').send({}).expect(409);
    await api('post', `/api/rulesets/${id}/return`, 'admin3').send({ comment: 'periksa lagi' }).expect(200);
    const full = await api('get', `/api/rulesets/${id}`, 'admin3').expect(200);
    await api('put', `/api/rulesets/${id}`, 'admin3')
      .send({ document: { ...full.body.document, description: 'diubah admin3' } })
      .expect(200);
    await api('post', `/api/rulesets/${id}/submit`, 'admin').send({}).expect(200);
    for (const who of ['admin', 'admin3']) {
      const res = await api('post', `/api/rulesets/${id}/approve`, who).send({}).expect(409);
      expect(res.body.error.details.excluded).toEqual(['admin', 'admin3']);
    }
    await api('post', `/api/rulesets/${id}/approve`, 'admin2').send({}).expect(200);
  });

  it('retiring the version in force needs a second admin; the request can be withdrawn; every step is audited', async () => {
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'DISTRIBUTION', version: 1 } });
    const asked = await api('post', `/api/rulesets/${v1.id}/retire`, 'admin').send({}).expect(200);
    expect(asked.body).toMatchObject({ status: 'PUBLISHED', retiredAt: null });
    const inForce = await api('get', '/api/rulesets/in-force/DISTRIBUTION', 'auditor').expect(200);
    expect(inForce.body.id).toBe(v1.id);
    // A second request is not read as a confirmation (a page that missed the first must not retire by accident).
    const over = await api('post', `/api/rulesets/${v1.id}/retire`, 'admin2').send({}).expect(409);
    expect(over.body.error.message).toMatch(/sudah diminta/);
    const alone = await api('post', `/api/rulesets/${v1.id}/retire-approve`, 'admin').send({}).expect(409);
    expect(alone.body.error).toMatchObject({ code: 'FOUR_EYES', details: { action: 'retire', excluded: ['admin'] } });

    await api('post', `/api/rulesets/${v1.id}/retire-withdraw`, 'admin2').send({}).expect(200);
    await api('post', `/api/rulesets/${v1.id}/retire`, 'admin2').send({}).expect(200);
    const retired = await api('post', `/api/rulesets/${v1.id}/retire-approve`, 'admin').send({}).expect(200);
    expect(retired.body.status).toBe('RETIRED');
    await api('get', '/api/rulesets/in-force/DISTRIBUTION', 'auditor').expect(404);

    const audit = await db.prisma.auditEvent.findMany({
      where: { entity: 'rule-set-version', entityId: String(v1.id), actor: { in: ['admin', 'admin2'] } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual([
      'admin:retire-request',
      'admin2:retire-withdraw',
      'admin2:retire-request',
      'admin:retire',
    ]);
  });

  it('the review gives the people, the version replaced and the diff of rules and of golden tests', async () => {
    const v1 = await db.prisma.ruleSetVersion.findFirstOrThrow({ where: { kind: 'SANCTION', version: 1 } });
    const draft = await api('post', '/api/rulesets', 'admin').send({ kind: 'SANCTION' }).expect(201);
    const id = draft.body.id;
    const doc = structuredClone(draft.body.document);
    doc.rules[0].priority = doc.rules[0].priority + 1;
    doc.tests[0].name = `${doc.tests[0].name} (diubah)`;
    await api('put', `/api/rulesets/${id}`, 'admin2').send({ document: doc }).expect(200);
    await api('post', `/api/rulesets/${id}/submit`, 'admin2').send({}).expect(200);

    const review = await api('get', `/api/rulesets/${id}/review`, 'admin2').expect(200);
    expect(review.body.replaces).toMatchObject({ id: v1.id, version: 1 });
    expect(review.body.people).toMatchObject({ author: 'admin', editors: ['admin', 'admin2'], submittedBy: 'admin2' });
    expect(review.body.fourEyes.callerMayApprove.allowed).toBe(false);
    expect(review.body.diff.rules.changed).toEqual([
      expect.objectContaining({
        name: doc.rules[0].name,
        changes: [
          {
            pointer: '/rules/0/priority',
            old: v1.document && (v1.document as any).rules[0].priority,
            new: doc.rules[0].priority,
          },
        ],
      }),
    ]);
    expect(review.body.diff.tests.added.map((t: any) => t.name)).toEqual([doc.tests[0].name]);
    expect(review.body.diff.tests.removed.map((t: any) => t.name)).toEqual([(v1.document as any).tests[0].name]);
    expect(review.body.goldenTests.passed).toBe(true);

    const forThird = await api('get', `/api/rulesets/${id}/review`, 'admin3').expect(200);
    expect(forThird.body.fourEyes.callerMayApprove).toEqual({ allowed: true, code: null, reason: null });
    expect(review.body.fourEyes.callerMayApprove.code).toBe('FOUR_EYES');
    // The same changes in words: the rule's priority, and the test renamed (one change, not a removal and an addition).
    const oldPriority = String((v1.document as any).rules[0].priority);
    expect(review.body.words.rules).toEqual([
      {
        op: 'changed',
        name: doc.rules[0].name,
        parts: [
          {
            part: 'priority',
            before: { id: oldPriority, en: oldPriority },
            after: { id: String(doc.rules[0].priority), en: String(doc.rules[0].priority) },
          },
        ],
      },
    ]);
    expect(review.body.words.tests).toEqual([
      {
        op: 'changed',
        name: doc.tests[0].name,
        parts: [
          {
            part: 'name',
            before: { id: (v1.document as any).tests[0].name, en: (v1.document as any).tests[0].name },
            after: { id: doc.tests[0].name, en: doc.tests[0].name },
          },
        ],
      },
    ]);
    expect(review.body.words.counts.tests).toEqual({ added: 0, removed: 0, changed: 1 });
    const diff = await api('get', `/api/rulesets/${id}/diff`, 'auditor').expect(200);
    expect(diff.body.from).toEqual({ id: v1.id, version: 1 });
    expect(diff.body.diff.tests.added).toHaveLength(1);
  });
});
