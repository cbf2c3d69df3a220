/**
 * The restricted role the API and the worker connect as: `<database>_app`, created and granted by migration
 * 20261201120000_app_role (SELECT and INSERT only on the audit tables). The owner's connection (DATABASE_URL) runs
 * migrations and the seed; this module gives the role a password and returns the URL the application uses.
 */
import { Client } from 'pg';

/** The application role's name for the database of `databaseUrl`. */
export function appRoleName(databaseUrl: string): string {
  return `${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}_app`;
}

/**
 * Lets the application role log in with `password` (as the owner of `ownerUrl`) and returns its connection URL,
 * or null with the reason when the role does not exist or the owner may not alter it (no CREATEROLE).
 */
export async function ensureAppRole(
  ownerUrl: string,
  password: string,
): Promise<{ url: string; reason?: undefined } | { url: null; reason: string }> {
  const role = appRoleName(ownerUrl);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (!found.rowCount) return { url: null, reason: `role ${role} does not exist` };
    // Utility statements take no parameters: the name and the password are escaped by the driver.
    await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } catch (err) {
    return { url: null, reason: (err as Error).message };
  } finally {
    await client.end();
  }
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return { url: u.toString() };
}
