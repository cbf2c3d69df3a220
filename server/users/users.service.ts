/**
 * Accounts and roles: HR creates an account for an employee (username = NIP) with a one-time password shown once,
 * edits its roles (a CALIBRATOR names the root unit of the subtree they calibrate), deactivates and reactivates it
 * and resets its password. Every change is audited in the same transaction; the users trigger ends the account's
 * tokens when the password, roles or active flag change. The one-time password is never stored or logged in clear.
 */
import { recordAudit } from '../../prisma/audit';
import type { Db as AnyDb, Prisma, Role } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import { hashOneTimePassword } from '../auth/password';
import { oneTimePassword } from '../auth/password-policy';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/api-error';

type Db = AppDeps['prisma'];
type Tx = Prisma.TransactionClient;

/** What an account row shows: never the password hash or the token version. */
export const USER_SELECT = {
  id: true,
  username: true,
  roles: true,
  active: true,
  employeeId: true,
  calibrationUnitId: true,
  mustChangePassword: true,
  demoPassword: true,
  locale: true,
  createdAt: true,
  updatedAt: true,
  employee: { select: { id: true, name: true, nip: true, unitId: true, status: true } },
  calibrationUnit: { select: { id: true, code: true, name: true } },
} satisfies Prisma.UserSelect;

const fieldError = (field: string, message: string) =>
  ApiError.badRequest(`${field}: ${message}`, { fields: [{ field, message }] });

/** A CALIBRATOR needs the unit of their subtree; no other account carries one. */
async function checkRoles(db: AnyDb, roles: Role[], calibrationUnitId: number | null, employeeId: number | null) {
  if (roles.includes('CALIBRATOR')) {
    if (calibrationUnitId === null)
      throw fieldError('calibrationUnitId', 'Kalibrator memerlukan unit kalibrasi / a calibrator needs a unit');
    if (!(await db.unit.count({ where: { id: calibrationUnitId } })))
      throw fieldError('calibrationUnitId', 'Unit tidak ditemukan / unit not found');
  } else if (calibrationUnitId !== null)
    throw fieldError('calibrationUnitId', 'Hanya untuk peran CALIBRATOR / only for the CALIBRATOR role');
  if (roles.includes('EMPLOYEE') && employeeId === null)
    throw fieldError(
      'roles',
      'Peran EMPLOYEE memerlukan data pegawai (employeeId) / EMPLOYEE needs an employee record',
    );
}

const actorOf = (user: AuthUser) => ({ actorUserId: user.id, actor: user.username });

/** What a new account will be, once checked. */
export interface AccountDraft {
  username: string;
  employeeId: number | null;
  roles: Role[];
  calibrationUnitId: number | null;
}

/**
 * Checks a new account: the employee exists, is active and has no account yet, the username is free, the roles fit.
 * Shared by `POST /api/users` and the employee import (`?createAccounts=true`).
 */
export async function checkNewAccount(
  db: AnyDb,
  input: { employeeId?: number | null; username?: string; roles: Role[]; calibrationUnitId?: number | null },
): Promise<AccountDraft> {
  const employeeId = input.employeeId ?? null;
  const calibrationUnitId = input.calibrationUnitId ?? null;
  const employee = employeeId === null ? null : await db.employee.findUnique({ where: { id: employeeId } });
  if (employeeId !== null && !employee) throw fieldError('employeeId', 'Pegawai tidak ditemukan / employee not found');
  if (employee && employee.status !== 'ACTIVE')
    throw fieldError('employeeId', 'Pegawai tidak aktif (mutasi/keluar) / employee is not active');
  const username = input.username ?? employee?.nip;
  if (!username)
    throw fieldError('username', 'Wajib diisi untuk akun tanpa pegawai / required for an account without an employee');
  await checkRoles(db, input.roles, calibrationUnitId, employeeId);
  if (employeeId !== null) {
    const existing = await db.user.findUnique({ where: { employeeId }, select: { username: true } });
    if (existing)
      throw ApiError.conflict(
        `Pegawai ini sudah memiliki akun "${existing.username}" / employee already has an account`,
        {
          fields: [{ field: 'employeeId', message: `sudah memiliki akun ${existing.username}` }],
        },
      );
  }
  if (await db.user.count({ where: { username } }))
    throw ApiError.conflict(`Nama pengguna "${username}" sudah dipakai / username taken`, {
      fields: [{ field: 'username', message: 'sudah dipakai / taken' }],
    });
  return { username, employeeId, roles: input.roles, calibrationUnitId };
}

/**
 * Writes a checked account with a fresh one-time password (must be changed at the first sign-in), audited without
 * the password, in the caller's transaction; answers the row and the password, which is not kept anywhere.
 */
export async function insertAccount(tx: AnyDb, user: AuthUser, draft: AccountDraft, via?: 'import') {
  const password = oneTimePassword();
  const passwordHash = await hashOneTimePassword(password);
  const { username, roles, employeeId, calibrationUnitId } = draft;
  const row = await tx.user.create({
    data: { username, passwordHash, roles, employeeId, calibrationUnitId, mustChangePassword: true },
    select: USER_SELECT,
  });
  await recordAudit(tx, {
    ...actorOf(user),
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    after: { username, roles, employeeId, calibrationUnitId, mustChangePassword: true, ...(via ? { via } : {}) },
  });
  return { row, oneTimePassword: password };
}

/** Creates an account; answers it with its one-time password (shown this once). */
export async function createAccount(
  db: Db,
  user: AuthUser,
  input: { employeeId?: number | null; username?: string; roles: Role[]; calibrationUnitId?: number | null },
) {
  const draft = await checkNewAccount(db, input);
  const created = await db.$transaction((tx) => insertAccount(tx, user, draft));
  return { ...created.row, oneTimePassword: created.oneTimePassword };
}

async function loadAccount(db: Db | Tx, id: number) {
  const row = await db.user.findUnique({ where: { id }, select: USER_SELECT });
  if (!row) throw ApiError.notFound('Akun');
  return row;
}

/** Replaces the roles (and the calibrator's unit) of an account. */
export async function updateRoles(
  db: Db,
  user: AuthUser,
  id: number,
  input: { roles: Role[]; calibrationUnitId?: number | null },
) {
  return db.$transaction(async (tx) => {
    const before = await loadAccount(tx, id);
    const calibrationUnitId = input.calibrationUnitId ?? null;
    await checkRoles(tx, input.roles, calibrationUnitId, before.employeeId);
    const after = await tx.user.update({
      where: { id },
      data: { roles: input.roles, calibrationUnitId },
      select: USER_SELECT,
    });
    await recordAudit(tx, {
      ...actorOf(user),
      action: 'user.roles',
      entity: 'user',
      entityId: id,
      before: { roles: before.roles, calibrationUnitId: before.calibrationUnitId },
      after: { roles: after.roles, calibrationUnitId: after.calibrationUnitId },
    });
    return after;
  });
}

/** Deactivates (ending every token) or reactivates an account, with the reason. */
export async function setActive(db: Db, user: AuthUser, id: number, active: boolean, reason: string) {
  return db.$transaction(async (tx) => {
    const before = await loadAccount(tx, id);
    if (before.active === active)
      throw ApiError.conflict(
        active ? 'Akun sudah aktif / account already active' : 'Akun sudah nonaktif / account already inactive',
      );
    const after = await tx.user.update({ where: { id }, data: { active }, select: USER_SELECT });
    await recordAudit(tx, {
      ...actorOf(user),
      action: active ? 'user.reactivate' : 'user.deactivate',
      entity: 'user',
      entityId: id,
      before: { active: before.active },
      after: { active, reason },
    });
    return after;
  });
}

/** Gives an account a new one-time password (its tokens end; it must be changed at the next sign-in). */
export async function resetPassword(db: Db, user: AuthUser, id: number, reason: string) {
  const password = oneTimePassword();
  const passwordHash = await hashOneTimePassword(password);
  const after = await db.$transaction(async (tx) => {
    const before = await loadAccount(tx, id);
    if (!before.active)
      throw ApiError.conflict('Akun nonaktif: aktifkan dulu / the account is inactive: reactivate it first');
    const row = await tx.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true, demoPassword: false },
      select: USER_SELECT,
    });
    await recordAudit(tx, {
      ...actorOf(user),
      action: 'user.password-reset',
      entity: 'user',
      entityId: id,
      after: { reason, mustChangePassword: true },
    });
    return row;
  });
  return { ...after, oneTimePassword: password };
}
