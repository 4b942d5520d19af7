// node:fs in the browser: nothing exists, nothing can be read or written.
function missing(path) {
  const error = new Error(`ENOENT: no file system in the browser: '${String(path)}'`);
  error.code = 'ENOENT';
  throw error;
}
module.exports = {
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 },
  statSync: missing,
  lstatSync: missing,
  accessSync: missing,
  readFileSync: missing,
  readdirSync: missing,
  openSync: missing,
  readSync: missing,
  closeSync: missing,
  existsSync: () => false,
  realpathSync: missing,
  writeFileSync: missing,
  mkdtempSync: missing,
  mkdirSync: missing,
  rmSync: missing,
};
