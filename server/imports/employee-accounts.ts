/**
 * Accounts made by the employee import (`?createAccounts=true`): every employee of the file who is active after the
 * import and has no account gets an EMPLOYEE account (username = NIP) through the same code as `POST /api/users`
 * (checkNewAccount + insertAccount), in the import's transaction; the one-time passwords are answered once.
 */
import type { Db } from '../../prisma/client';
import type { AuthUser } from '../auth/auth.middleware';
import { checkNewAccount, insertAccount } from '../users/users.service';
import type { EmployeePlan } from './employees.import';
import type { ImportAccounts } from './report';

/** Marks each valid row with what happens to its account; a NIP already taken as another account's username is an error. */
export async function checkAccounts(db: Db, plans: EmployeePlan[]): Promise<ImportAccounts> {
  const nips = plans.filter((p) => p.report.ok && p.nip).map((p) => p.nip);
  const taken = await db.user.findMany({
    where: { OR: [{ username: { in: nips } }, { employee: { nip: { in: nips } } }] },
    select: { username: true, employeeId: true },
  });
  const accountOf = new Map(taken.filter((u) => u.employeeId !== null).map((u) => [u.employeeId!, u.username]));
  const usernames = new Map(taken.map((u) => [u.username, u.employeeId]));
  let created = 0;
  let existing = 0;
  for (const p of plans) {
    if (!p.report.ok) continue;
    if (p.existingId !== null && accountOf.has(p.existingId)) {
      p.report.account = 'existing';
      existing += 1;
    } else if (p.status !== 'ACTIVE') p.report.account = 'inactive';
    else if (usernames.has(p.nip)) {
      p.report.errors.push({
        field: 'nip',
        message: `nama pengguna ${p.nip} sudah dipakai akun lain / the username is taken by another account`,
      });
      p.report.ok = false;
    } else {
      p.report.account = 'create';
      created += 1;
    }
  }
  return { created, existing };
}

/** Creates the accounts marked `create` (after the employees are written); answers them with their passwords. */
export async function createAccounts(
  db: Db,
  user: AuthUser,
  plans: EmployeePlan[],
  idByNip: Map<string, number>,
): Promise<ImportAccounts> {
  const oneTimePasswords: NonNullable<ImportAccounts['oneTimePasswords']> = [];
  let existing = 0;
  for (const p of plans) {
    if (p.report.account === 'existing') existing += 1;
    if (p.report.account !== 'create') continue;
    const draft = await checkNewAccount(db, { employeeId: idByNip.get(p.nip)!, roles: ['EMPLOYEE'] });
    const made = await insertAccount(db, user, draft, 'import');
    oneTimePasswords.push({
      nip: p.nip,
      name: p.data.name,
      username: made.row.username,
      oneTimePassword: made.oneTimePassword,
    });
  }
  return { created: oneTimePasswords.length, existing, oneTimePasswords };
}
