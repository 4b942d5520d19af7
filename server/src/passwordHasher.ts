import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { PasswordHasher } from './service';
import { formatPbkdf2, formatSha512 } from './service';

/**
 * mosquitto_passwd's `$7$` hash: PBKDF2-HMAC-SHA512, 64-byte key, random salt, standard base64
 * with padding; for 1.x (iterations 0) `$6$`: SHA-512 over password then salt. The password is
 * never logged or kept.
 */
export const nodePasswordHasher: PasswordHasher = (password, parameters) => {
  const salt = randomBytes(parameters.saltBytes);
  if (parameters.iterations === 0) {
    const digest = createHash('sha512').update(Buffer.from(password, 'utf8')).update(salt).digest();
    return formatSha512(salt.toString('base64'), digest.toString('base64'));
  }
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, parameters.iterations, 64, 'sha512');
  return formatPbkdf2(parameters.iterations, salt.toString('base64'), key.toString('base64'));
};
