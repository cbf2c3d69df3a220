/** Password hashing with bcrypt (bcryptjs: a kept, pure-JS implementation). */
import bcrypt from 'bcryptjs';

const COST = 10;

/** Hashes a password. */
export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
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
