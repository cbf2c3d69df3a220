/**
 * Single sign-on routes (OpenID Connect, server/auth/oidc.ts): `GET /api/auth/config` tells the console whether SSO is
 * on; `GET /api/auth/oidc/start` sends the browser to the provider; `GET /api/auth/oidc/callback` matches the person to
 * an account by NIP and sends the browser to the console with a one-time code (or shows a refusal page, audited as a
 * failed login); `POST /api/auth/oidc/exchange {code}` trades that code for a Capaian token, as password login answers.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../prisma/audit';
import { authorize } from '../access/access.guard';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';
import { validateBody } from '../http/validate';
import { describeRoutes } from '../openapi/registry';
import { OidcClient, OidcError, oidcSettings, type OidcRefusal } from './oidc';
import { sessionAnswer } from './token';

const exchangeSchema = z.strictObject({
  code: z.string({ error: 'Wajib diisi / required' }).min(1, 'Wajib diisi / required').max(200),
});

describeRoutes(
  {
    method: 'get',
    path: '/api/auth/config',
    summary: 'Cara masuk yang tersedia: { sso } benar bila SSO (OpenID Connect) aktif / sign-in methods',
    tag: 'auth',
  },
  {
    method: 'get',
    path: '/api/auth/oidc/start',
    summary: 'Masuk dengan SSO: dialihkan ke penyedia OpenID Connect (PKCE, state, nonce) / redirect to the provider',
    tag: 'auth',
    responses: { '302': 'Ke penyedia SSO', '409': 'SSO tidak aktif', '503': 'Penyedia SSO tidak terjangkau' },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary:
      'Kembali dari penyedia SSO: akun dicocokkan lewat NIP; dialihkan ke konsol dengan kode sekali pakai di ' +
      'fragmen URL, atau halaman penolakan (NIP tidak terdaftar, akun nonaktif, state tidak cocok), diaudit',
    tag: 'auth',
    responses: { '302': 'Ke konsol', '400': 'State/sesi tidak cocok', '403': 'NIP tidak terdaftar atau akun nonaktif' },
  },
  {
    method: 'post',
    path: '/api/auth/oidc/exchange',
    summary:
      'Tukar kode sekali pakai (≤ 60 detik, hanya dari peramban yang sama) dengan token Capaian; jawaban seperti ' +
      'POST /api/auth/login',
    tag: 'auth',
    body: exchangeSchema,
    responses: { '401': 'Kode tidak berlaku: kedaluwarsa, sudah dipakai, atau dari peramban lain' },
  },
);

/** The refusal page's words, Bahasa Indonesia first with English beside it, and its HTTP status. */
const REFUSALS: Record<OidcRefusal, { status: number; id: string; en: string }> = {
  disabled: { status: 409, id: 'Masuk dengan SSO tidak diaktifkan.', en: 'Single sign-on is not enabled.' },
  unavailable: {
    status: 503,
    id: 'Layanan SSO tidak dapat dihubungi. Coba lagi nanti, atau masuk dengan kata sandi.',
    en: 'The single sign-on service cannot be reached. Try again later, or sign in with your password.',
  },
  'provider-error': {
    status: 400,
    id: 'Layanan SSO membatalkan proses masuk.',
    en: 'The single sign-on service cancelled the sign-in.',
  },
  'no-flow': {
    status: 400,
    id: 'Sesi masuk SSO tidak ditemukan atau sudah kedaluwarsa. Silakan ulangi dari halaman masuk.',
    en: 'The single sign-on session was not found or has expired. Please start again from the sign-in page.',
  },
  state: {
    status: 400,
    id: 'Sesi masuk SSO tidak cocok (state berbeda). Silakan ulangi dari halaman masuk.',
    en: 'The single sign-on session does not match (state differs). Please start again from the sign-in page.',
  },
  token: {
    status: 502,
    id: 'Jawaban layanan SSO tidak dapat diverifikasi.',
    en: 'The answer of the single sign-on service could not be verified.',
  },
  'no-nip': {
    status: 403,
    id: 'Layanan SSO tidak mengirimkan NIP Anda, sehingga akun Capaian Anda tidak dapat ditemukan.',
    en: 'The single sign-on service did not send your NIP, so your Capaian account cannot be found.',
  },
  'unknown-nip': {
    status: 403,
    id: 'NIP {nip} tidak memiliki akun Capaian. Hubungi Admin SDM (BKPSDM) instansi Anda.',
    en: 'NIP {nip} has no Capaian account. Please contact your HR admin (BKPSDM).',
  },
  inactive: {
    status: 403,
    id: 'Akun Capaian untuk NIP {nip} tidak aktif. Hubungi Admin SDM (BKPSDM) instansi Anda.',
    en: 'The Capaian account for NIP {nip} is inactive. Please contact your HR admin (BKPSDM).',
  },
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The refusal page: plain HTML with no script (the CSP allows inline styles only), and a way back to sign in. */
export function refusalPage(reason: OidcRefusal, nip?: string): { status: number; html: string } {
  const words = REFUSALS[reason];
  const fill = (s: string) => escape(s.replace('{nip}', nip ?? '-'));
  return {
    status: words.status,
    html: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Masuk dengan SSO ditolak — Capaian</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Masuk dengan SSO ditolak</h1><p lang="id">${fill(words.id)}</p>
<p lang="en" style="color:#555"><i>Single sign-on refused.</i> ${fill(words.en)}</p>
<p><a href="/#/login">Kembali ke halaman masuk</a> <span style="color:#555">/ back to sign-in</span></p>
</body></html>`,
  };
}

/** Routes of single sign-on, mounted at /api/auth. */
export function oidcRoutes(deps: AppDeps): Router {
  const router = Router();
  const settings = oidcSettings(deps.config);
  const oidc = settings ? new OidcClient(settings, deps.config.JWT_SECRET) : null;

  const refuse = async (req: Request, res: Response, err: OidcError) => {
    const { nip, subject, userId, providerError } = err.detail ?? {};
    if (err.reason !== 'disabled' && err.reason !== 'unavailable')
      await recordAudit(deps.prisma, {
        actorUserId: userId ?? null,
        actor: `anonymous:${req.ip ?? '?'}`,
        action: 'login-failed',
        entity: 'user',
        entityId: userId ?? (nip ? `nip:${nip}` : 'oidc'),
        after: {
          method: 'oidc',
          nip: nip ?? null,
          subject: subject ?? null,
          address: req.ip ?? null,
          reason: err.reason,
          ...(providerError ? { providerError } : {}),
        },
      });
    const page = refusalPage(err.reason, nip);
    res.status(page.status).set('Cache-Control', 'no-store').type('html').send(page.html);
  };

  router.get('/config', authorize(deps, 'session', 'sign-in-methods'), (_req, res) => {
    res.json({ sso: !!oidc, passwordLogin: true });
  });

  router.get('/oidc/start', authorize(deps, 'session', 'sso'), async (req, res) => {
    try {
      if (!oidc) throw new OidcError('disabled');
      const url = await oidc.start(req, res);
      res.set('Cache-Control', 'no-store').redirect(302, url.href);
    } catch (err) {
      if (!(err instanceof OidcError)) throw err;
      await refuse(req, res, err);
    }
  });

  router.get('/oidc/callback', authorize(deps, 'session', 'sso'), async (req, res) => {
    try {
      if (!oidc) throw new OidcError('disabled');
      const { subject, nip } = await oidc.finish(req, res);
      const employee = await deps.prisma.employee.findUnique({
        where: { nip },
        select: { user: { select: { id: true, active: true, tokenVersion: true } } },
      });
      const user = employee?.user;
      if (!user) throw new OidcError('unknown-nip', { nip, subject });
      if (!user.active) throw new OidcError('inactive', { nip, subject, userId: user.id });
      const code = oidc.issueCode(req, res, { userId: user.id, tokenVersion: user.tokenVersion, subject, nip });
      // The code rides in the fragment: browsers never send it to a server, so no log or proxy sees it.
      const target = new URL('/', oidc.settings.redirectUri);
      target.hash = `/login?sso=${encodeURIComponent(code)}`;
      res.set('Cache-Control', 'no-store').redirect(302, target.href);
    } catch (err) {
      if (!(err instanceof OidcError)) throw err;
      await refuse(req, res, err);
    }
  });

  router.post('/oidc/exchange', authorize(deps, 'session', 'sso'), validateBody(exchangeSchema), async (req, res) => {
    const invalid = () =>
      new ApiError(
        401,
        'SSO_CODE_INVALID',
        'Kode masuk SSO tidak berlaku (kedaluwarsa, sudah dipakai, atau dari peramban lain); silakan masuk lagi / ' +
          'the single sign-on code is not valid (expired, already used, or from another browser); please sign in again',
      );
    if (!oidc) throw invalid();
    const claims = await oidc.redeemCode(deps.prisma, req, res, (req.body as z.infer<typeof exchangeSchema>).code);
    if (!claims) throw invalid();
    const user = await deps.prisma.user.findUnique({
      where: { id: claims.userId },
      include: { employee: { select: { id: true, name: true, nip: true, unitId: true } } },
    });
    // Deactivated, or signed out everywhere, between the callback and now.
    if (!user || !user.active || user.tokenVersion !== claims.tokenVersion) throw invalid();
    await recordAudit(deps.prisma, {
      actorUserId: user.id,
      actor: user.username,
      action: 'login',
      entity: 'user',
      entityId: user.id,
      after: { method: 'oidc', subject: claims.subject, nip: claims.nip },
    });
    res.set('Cache-Control', 'no-store').json(sessionAnswer(user, deps.config));
  });
  return router;
}
