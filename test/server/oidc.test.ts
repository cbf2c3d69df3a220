/**
 * Single sign-on (issue 11, item 5) against a real OpenID Connect provider (npm oidc-provider, started here on a free
 * port): the code flow with PKCE, state and nonce through HTTP, its login and consent forms followed as a browser
 * would; the account matched by NIP; the console's one-time code exchange; the refusals, audited as failed logins.
 */
import type { Express } from 'express';
import request from 'supertest';
import { seedDemo } from '../../prisma/seed/seed-database';
import { createTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { signInAt, startTestProvider, type TestProvider } from '../helpers/oidc-provider';

const REDIRECT = 'http://127.0.0.1:3999/api/auth/oidc/callback';
const UNKNOWN_NIP = '199001012020011999';

describe('single sign-on through OpenID Connect (real provider, real PostgreSQL)', () => {
  let db: TestDatabase;
  let provider: TestProvider;
  let app: Express;
  const nip: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('oidc');
    await seedDemo(db.prisma);
    for (const username of ['pegawai', 'penilai', 'atasan']) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username }, include: { employee: true } });
      nip[username] = user.employee!.nip;
    }
    await db.prisma.user.update({ where: { username: 'atasan' }, data: { active: false } });
    provider = await startTestProvider(
      {
        'sso-pegawai': { nip: nip.pegawai, name: 'Pegawai Demo' },
        // No `nip` claim: the NIP is the provider's user name.
        'sso-penilai': { preferred_username: nip.penilai },
        'sso-asing': { nip: UNKNOWN_NIP },
        'sso-atasan': { nip: nip.atasan },
      },
      REDIRECT,
    );
    app = createTestApp(db, undefined, provider.env).app;
  });
  afterAll(async () => {
    await provider?.close();
    await db.drop();
  });

  /** Cookies a response sets, as a Cookie header. */
  const cookiesOf = (res: request.Response) =>
    ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split(';')[0]).join('; ');

  /** Runs the flow up to Capaian's callback: the callback's answer and the browser's cookies. */
  async function flow(accountId: string, tamper?: (callback: URL) => void) {
    const start = await request(app).get('/api/auth/oidc/start').expect(302);
    const authorization = new URL(start.headers.location);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(p)).toBeTruthy();
    const back = await signInAt(authorization.href, accountId);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    tamper?.(back);
    const callback = await request(app)
      .get(back.pathname + back.search)
      .set('Cookie', cookiesOf(start));
    return { callback, cookie: cookiesOf(callback) };
  }

  const failedLogins = () =>
    db.prisma.auditEvent.findMany({ where: { action: 'login-failed' }, orderBy: { id: 'asc' } });

  it('tells the console that SSO is on; without OIDC_ISSUER it is off and /start says so', async () => {
    expect((await request(app).get('/api/auth/config').expect(200)).body).toEqual({ sso: true, passwordLogin: true });
    const off = createTestApp(db).app;
    expect((await request(off).get('/api/auth/config').expect(200)).body.sso).toBe(false);
    const start = await request(off).get('/api/auth/oidc/start').expect(409);
    expect(start.text).toContain('Masuk dengan SSO tidak diaktifkan.');
  });

  it('signs in through the provider: one-time code in the fragment, exchanged once for a token that works', async () => {
    const { callback, cookie } = await flow('sso-pegawai');
    expect(callback.status).toBe(302);
    const landing = new URL(callback.headers.location);
    expect(landing.origin + landing.pathname).toBe('http://127.0.0.1:3999/');
    expect(landing.search).toBe(''); // nothing a server or its log would see
    const code = new URLSearchParams(landing.hash.split('?')[1]).get('sso')!;
    expect(landing.hash.startsWith('#/login?sso=')).toBe(true);
    expect(code.length).toBeGreaterThan(30);
    expect(cookie).toContain('capaian_oidc_code=');

    // Another browser (no cookie) cannot use the code.
    await request(app).post('/api/auth/oidc/exchange').send({ code }).expect(401);
    const exchanged = await request(app)
      .post('/api/auth/oidc/exchange')
      .set('Cookie', cookie)
      .send({ code })
      .expect(200);
    expect(exchanged.body.user).toMatchObject({ username: 'pegawai', roles: ['EMPLOYEE'] });
    const me = await request(app)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${exchanged.body.token}`)
      .expect(200);
    expect(me.body).toMatchObject({ username: 'pegawai', employee: { nip: nip.pegawai } });
    // Once only: also on another API process (another app on the same database and secret).
    const again = await request(app).post('/api/auth/oidc/exchange').set('Cookie', cookie).send({ code }).expect(401);
    expect(again.body.error.code).toBe('SSO_CODE_INVALID');
    expect(again.body.error.message).toContain('Kode masuk SSO tidak berlaku');
    const otherProcess = createTestApp(db, undefined, provider.env).app;
    await request(otherProcess).post('/api/auth/oidc/exchange').set('Cookie', cookie).send({ code }).expect(401);
    expect(await db.prisma.usedSsoCode.count({ where: { id: code } })).toBe(1);

    const login = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'login' }, orderBy: { id: 'desc' } });
    expect(login.actor).toBe('pegawai');
    expect(login.after).toEqual({ method: 'oidc', subject: 'sso-pegawai', nip: nip.pegawai });
  });

  it('reads the NIP from preferred_username when the provider sends no nip claim', async () => {
    const { callback, cookie } = await flow('sso-penilai');
    expect(callback.status).toBe(302);
    const code = new URLSearchParams(new URL(callback.headers.location).hash.split('?')[1]).get('sso')!;
    const exchanged = await request(app).post('/api/auth/oidc/exchange').set('Cookie', cookie).send({ code });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.user.username).toBe('penilai');
  });

  it('refuses an unknown NIP with a page in both languages, audited as a failed login; creates nothing', async () => {
    const users = await db.prisma.user.count();
    const { callback } = await flow('sso-asing');
    expect(callback.status).toBe(403);
    expect(callback.type).toBe('text/html');
    expect(callback.text).toContain('Masuk dengan SSO ditolak');
    expect(callback.text).toContain(`NIP ${UNKNOWN_NIP} tidak memiliki akun Capaian`);
    expect(callback.text).toContain(`NIP ${UNKNOWN_NIP} has no Capaian account`);
    expect(callback.headers['set-cookie']?.toString() ?? '').not.toContain('capaian_oidc_code=e');
    expect(await db.prisma.user.count()).toBe(users);
    const event = (await failedLogins()).at(-1)!;
    expect(event.entityId).toBe(`nip:${UNKNOWN_NIP}`);
    expect(event.after).toMatchObject({
      method: 'oidc',
      nip: UNKNOWN_NIP,
      subject: 'sso-asing',
      reason: 'unknown-nip',
    });
  });

  it('refuses an inactive account, audited against that account', async () => {
    const { callback } = await flow('sso-atasan');
    expect(callback.status).toBe(403);
    expect(callback.text).toContain(`Akun Capaian untuk NIP ${nip.atasan} tidak aktif`);
    expect(callback.text).toContain('is inactive');
    const atasan = await db.prisma.user.findUniqueOrThrow({ where: { username: 'atasan' } });
    const event = (await failedLogins()).at(-1)!;
    expect([event.entityId, event.actorUserId]).toEqual([String(atasan.id), atasan.id]);
    expect(event.after).toMatchObject({ method: 'oidc', nip: nip.atasan, reason: 'inactive' });
  });

  it('refuses a callback whose state is not the one this browser started with, or with no flow at all', async () => {
    const { callback } = await flow('sso-pegawai', (back) => back.searchParams.set('state', 'state-lain'));
    expect(callback.status).toBe(400);
    expect(callback.text).toContain('state berbeda');
    expect(callback.text).toContain('state differs');
    expect((await failedLogins()).at(-1)!.after).toMatchObject({ method: 'oidc', reason: 'state' });

    // A callback in another browser (no flow cookie): refused before the code is used.
    const start = await request(app).get('/api/auth/oidc/start').expect(302);
    const back = await signInAt(start.headers.location, 'sso-pegawai');
    const stranger = await request(app).get(back.pathname + back.search);
    expect(stranger.status).toBe(400);
    expect(stranger.text).toContain('Sesi masuk SSO tidak ditemukan');
    expect((await failedLogins()).at(-1)!.after).toMatchObject({ method: 'oidc', reason: 'no-flow' });
  });

  it('the refusal page runs no script and the CSP stays on; exchange bodies are strict', async () => {
    const { callback } = await flow('sso-asing');
    expect(callback.text).not.toContain('<script');
    expect(callback.headers['content-security-policy']).toContain("script-src 'self'");
    const loose = await request(app).post('/api/auth/oidc/exchange').send({ code: 'x', token: 'y' }).expect(400);
    expect(loose.body.error.message).toContain('token');
  });
});
