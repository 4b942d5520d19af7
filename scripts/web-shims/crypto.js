// node:crypto in the browser: certificate inspection and password hashing are not available.
function unavailable() {
  throw new Error('node:crypto is not available in the browser');
}
module.exports = {
  X509Certificate: undefined,
  createPrivateKey: unavailable,
  createPublicKey: unavailable,
  pbkdf2Sync: unavailable,
  randomBytes: unavailable,
  createHash: unavailable,
};
