import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { PasswordHasher } from './service';
import { formatPbkdf2 } from './service';

/**
 * mosquitto_passwd's `$7$` hash: PBKDF2-HMAC-SHA512, 64-byte key, random salt, standard base64
 * with padding. The password is never logged or kept.
 */
export const nodePasswordHasher: PasswordHasher = (password, parameters) => {
  const salt = randomBytes(parameters.saltBytes);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, parameters.iterations, 64, 'sha512');
  return formatPbkdf2(parameters.iterations, salt.toString('base64'), key.toString('base64'));
};
