/** Password hashing with bcrypt (bcryptjs: a kept, pure-JS implementation). */
import bcrypt from 'bcryptjs';

const COST = 10;

/** Hashes a password. */
export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

/**
 * Hashes a one-time password (new and reset accounts, accounts of an employee import). Its 12 random characters
 * (≈ 59 bits) are out of reach of offline guessing at any bcrypt cost, and it must be replaced at the first sign-in;
 * a lower cost lets an import create a whole agency's accounts inside its transaction (cost 10 took ~170 ms per
 * account here, cost 6 ~11 ms). Chosen passwords keep COST.
 */
export function hashOneTimePassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, 6);
}

/** Compares a password with a stored hash in constant time. */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: string | undefined;

/** A real hash of a random string, compared against when the user does not exist, so that a wrong
 * username takes as long as a wrong password and reveals nothing. */
export function dummyHash(): string {
  dummy ??= bcrypt.hashSync(Math.random().toString(36), COST);
  return dummy;
}
