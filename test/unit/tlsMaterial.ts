// TLS material for tests, generated at test time with the `openssl` command line (never
// committed): a root CA, an intermediate, a server certificate and key, a Let's Encrypt-style
// folder, expired / not-yet-valid / soon-expiring certificates, a mismatched key, DER, PFX and
// PKCS#7 copies, an OpenSSH key, an encrypted key, a certificate from a CA that did not sign
// it, a world-readable key, a root-only key and capath folders with and without hashed names.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the shared material lives (fixtures under test/fixtures name these absolute paths). */
export const TLS_FIXTURE_DIR = '/tmp/mosquitto-lint-tls';

/** Whether `openssl` can be run here. */
export function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** YYMMDDHHMMSSZ (the form `openssl ca -startdate/-enddate` takes) for a date `days` from now. */
function caDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

const CA_EXT = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
const LEAF_EXT =
  'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,DNS:mqtt.example.test,IP:127.0.0.1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';

/** The user the broker drops privileges to, when it exists here (for the clean layout's key group). */
function brokerGroupId(): number | undefined {
  try {
    const line = fs
      .readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('mosquitto:'));
    return line ? Number(line.split(':')[2]) : undefined;
  } catch {
    return undefined;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Makes a private key readable by the broker's run-time user the way packages do it (mode 0640,
 * group `mosquitto`), when this process may change the group; otherwise 0644.
 */
function shareKeyWithBroker(file: string): void {
  const gid = brokerGroupId();
  if (isRoot && gid !== undefined) {
    fs.chownSync(file, 0, gid);
    fs.chmodSync(file, 0o640);
  } else {
    // Without root the group cannot be changed: readable by all, so the broker's user can read
    // it (the world-readable warning then applies; tests that need 0640 + group skip).
    fs.chmodSync(file, 0o644);
  }
}

function fresh(dir: string): boolean {
  try {
    // Regenerated when older than a day: the soon-expiring certificate's date moves.
    return Date.now() - fs.statSync(path.join(dir, '.complete')).mtimeMs < 86_400_000;
  } catch {
    return false;
  }
}

/** Blocks this thread for `ms` while another test process generates the material. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Creates (when missing or stale) and returns the folder with all TLS test material. Test
 * files run in parallel processes: one generates under a lock folder, the others wait for it.
 */
export function tlsMaterial(dir = TLS_FIXTURE_DIR): string {
  if (fresh(dir)) {
    return dir;
  }
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (fresh(dir)) {
        return dir;
      }
      try {
        // A lock left behind by a killed run.
        if (Date.now() - fs.statSync(lock).mtimeMs > 60_000) {
          fs.rmSync(lock, { recursive: true, force: true });
        }
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) {
        throw new Error(`TLS test material: ${lock} held for too long`);
      }
      pause(50);
    }
  }
  try {
    if (fresh(dir)) {
      return dir;
    }
    const work = fs.mkdtempSync(path.join(path.dirname(dir), 'mosquitto-lint-tls-'));
    generate(work);
    fs.writeFileSync(path.join(work, '.complete'), '');
    // Every folder on the way must be passable for the broker's run-time user.
    fs.chmodSync(work, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(work, dir);
    return dir;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function generate(dir: string): void {
  const w = (name: string, text: string | Buffer): void => fs.writeFileSync(path.join(dir, name), text);
  const r = (name: string): Buffer => fs.readFileSync(path.join(dir, name));
  w('ca.ext', CA_EXT);
  w('leaf.ext', LEAF_EXT);
  const key = (name: string, algorithm = 'RSA', opt = 'rsa_keygen_bits:2048'): void =>
    openssl(dir, 'genpkey', '-algorithm', algorithm, '-pkeyopt', opt, '-out', name);
  const selfSignedCa = (name: string, cn: string): void => {
    key(`${name}.key`);
    openssl(
      dir,
      'req',
      '-new',
      '-x509',
      '-key',
      `${name}.key`,
      '-subj',
      `/O=mosquitto-lint tests/CN=${cn}`,
      '-days',
      '3650',
      '-sha256',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      `${name}.crt`,
    );
  };
  const sign = (csr: string, issuer: string, out: string, ext: string, days = '825'): void =>
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      `${issuer}.crt`,
      '-CAkey',
      `${issuer}.key`,
      '-CAcreateserial',
      '-days',
      days,
      '-sha256',
      '-extfile',
      ext,
      '-out',
      out,
    );
  const csr = (keyName: string, cn: string, out: string): void =>
    openssl(dir, 'req', '-new', '-key', keyName, '-subj', `/O=mosquitto-lint tests/CN=${cn}`, '-out', out);

  selfSignedCa('ca', 'Test Root CA');
  key('int.key');
  csr('int.key', 'Test Intermediate CA', 'int.csr');
  sign('int.csr', 'ca', 'int.crt', 'ca.ext', '1825');
  key('server.key');
  csr('server.key', 'mqtt.example.test', 'server.csr');
  sign('server.csr', 'int', 'server.crt', 'leaf.ext');
  w('fullchain.pem', Buffer.concat([r('server.crt'), r('int.crt')]));
  w('cachain.pem', Buffer.concat([r('int.crt'), r('ca.crt')]));

  // Dated certificates for the same key: `openssl ca` takes explicit start and end dates.
  fs.mkdirSync(path.join(dir, 'ca-db', 'new'), { recursive: true });
  w('ca-db/index.txt', '');
  w('ca-db/serial', '1000\n');
  w(
    'ca-db/ca.cnf',
    [
      '[ca]',
      'default_ca = dated',
      '[dated]',
      `dir = ${path.join(dir, 'ca-db')}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/new',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      '[any]',
      'commonName = supplied',
      'organizationName = optional',
      '',
    ].join('\n'),
  );
  const dated = (out: string, start: number, end: number): void =>
    openssl(
      dir,
      'ca',
      '-batch',
      '-config',
      'ca-db/ca.cnf',
      '-cert',
      'int.crt',
      '-keyfile',
      'int.key',
      '-in',
      'server.csr',
      '-extfile',
      'leaf.ext',
      '-notext',
      '-startdate',
      caDate(start),
      '-enddate',
      caDate(end),
      '-out',
      out,
    );
  dated('expired.crt', -400, -30);
  dated('notyet.crt', 30, 400);
  dated('soon.crt', -60, 10);
  w('expired-fullchain.pem', Buffer.concat([r('expired.crt'), r('int.crt')]));

  // A second key that belongs to no certificate here; an EC key and certificate.
  key('other.key');
  key('ec.key', 'EC', 'ec_paramgen_curve:P-256');
  csr('ec.key', 'ec.example.test', 'ec.csr');
  sign('ec.csr', 'int', 'ec.crt', 'leaf.ext');

  // A CA that did not sign server.crt, and a certificate it did sign (for the same key).
  selfSignedCa('rogue-ca', 'Unrelated CA');
  sign('server.csr', 'rogue-ca', 'rogue.crt', 'leaf.ext');

  // Other formats of the same material.
  openssl(dir, 'x509', '-in', 'server.crt', '-outform', 'DER', '-out', 'server.der');
  openssl(dir, 'pkey', '-in', 'server.key', '-outform', 'DER', '-out', 'server-key.der');
  openssl(dir, 'pkcs12', '-export', '-in', 'server.crt', '-inkey', 'server.key', '-certfile', 'int.crt', '-passout', 'pass:', '-out', 'server.pfx');
  openssl(dir, 'crl2pkcs7', '-nocrl', '-certfile', 'fullchain.pem', '-out', 'server.p7b');
  openssl(dir, 'crl2pkcs7', '-nocrl', '-certfile', 'fullchain.pem', '-outform', 'DER', '-out', 'server-der.p7b');
  openssl(dir, 'pkey', '-in', 'server.key', '-aes256', '-passout', 'pass:not-a-real-secret', '-out', 'encrypted.key');
  openssl(dir, 'pkey', '-in', 'server.key', '-traditional', '-out', 'server-rsa.key');
  const ssh = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', path.join(dir, 'ssh.key')], { encoding: 'utf8' });
  if (ssh.status !== 0) {
    // Without ssh-keygen: the same armour OpenSSH writes, which is what the check looks at.
    w('ssh.key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n');
  }
  // X9.42 parameters: quick to generate (a safe-prime PKCS#3 file takes seconds).
  openssl(dir, 'dhparam', '-dsaparam', '-out', 'dhparam.pem', '2048');
  w('empty.pem', '');
  w('notes.txt', 'this is not a certificate\n');
  w('big.pem', Buffer.alloc(1_100_000, 0x41));
  // A certificate revocation list of the root.
  w('ca-db/crlnumber', '01\n');
  openssl(dir, 'ca', '-batch', '-config', 'ca-db/ca.cnf', '-cert', 'int.crt', '-keyfile', 'int.key', '-gencrl', '-crldays', '30', '-out', 'int.crl');

  // Let's Encrypt layout: live/ holds symlinks into archive/.
  const archive = path.join(dir, 'letsencrypt', 'archive', 'mqtt.example.test');
  const live = path.join(dir, 'letsencrypt', 'live', 'mqtt.example.test');
  fs.mkdirSync(archive, { recursive: true });
  fs.mkdirSync(live, { recursive: true });
  const leFiles: [string, Buffer][] = [
    ['cert', r('server.crt')],
    ['chain', r('int.crt')],
    ['fullchain', r('fullchain.pem')],
    ['privkey', r('server.key')],
  ];
  for (const [name, content] of leFiles) {
    fs.writeFileSync(path.join(archive, `${name}1.pem`), content);
    fs.symlinkSync(`../../archive/mqtt.example.test/${name}1.pem`, path.join(live, `${name}.pem`));
  }
  shareKeyWithBroker(path.join(archive, 'privkey1.pem'));

  // capath folders: OpenSSL looks certificates up by hashed names only.
  for (const folder of ['capath', 'capath-unhashed']) {
    fs.mkdirSync(path.join(dir, folder));
    fs.copyFileSync(path.join(dir, 'ca.crt'), path.join(dir, folder, 'root.pem'));
    fs.copyFileSync(path.join(dir, 'int.crt'), path.join(dir, folder, 'intermediate.pem'));
  }
  openssl(dir, 'rehash', 'capath');

  // Permissions.
  for (const name of ['ca.key', 'server.key', 'server-rsa.key', 'other.key', 'ec.key', 'encrypted.key', 'server-key.der', 'server.pfx']) {
    shareKeyWithBroker(path.join(dir, name));
  }
  fs.copyFileSync(path.join(dir, 'server.key'), path.join(dir, 'world.key'));
  fs.chmodSync(path.join(dir, 'world.key'), 0o644);
  fs.copyFileSync(path.join(dir, 'server.key'), path.join(dir, 'rootonly.key'));
  fs.chmodSync(path.join(dir, 'rootonly.key'), 0o600);
  // An ACL and an (empty) password file only root can read: valid content for every release.
  w('rootonly.acl', 'topic read #\n');
  fs.chmodSync(path.join(dir, 'rootonly.acl'), 0o600);
  w('rootonly.passwd', '');
  fs.chmodSync(path.join(dir, 'rootonly.passwd'), 0o600);
  w('rootonly.psk', 'id1:00ff\n');
  fs.chmodSync(path.join(dir, 'rootonly.psk'), 0o600);
  fs.mkdirSync(path.join(dir, 'private'));
  fs.copyFileSync(path.join(dir, 'server.key'), path.join(dir, 'private', 'server.key'));
  shareKeyWithBroker(path.join(dir, 'private', 'server.key'));
  fs.chmodSync(path.join(dir, 'private'), 0o700);
  for (const name of fs.readdirSync(dir)) {
    if (/\.(csr|ext|srl)$/.test(name)) {
      fs.rmSync(path.join(dir, name));
    }
  }
  fs.rmSync(path.join(dir, 'ca-db'), { recursive: true, force: true });
  // Intermediate folders created above must be passable for the run-time user.
  for (const sub of [
    'letsencrypt',
    'letsencrypt/archive',
    'letsencrypt/live',
    'letsencrypt/archive/mqtt.example.test',
    'letsencrypt/live/mqtt.example.test',
    'capath',
    'capath-unhashed',
  ]) {
    fs.chmodSync(path.join(dir, sub), 0o755);
  }
}

/** The material folder for tests; generated once per process (openssl is installed by scripts/broker/install-broker.sh). */
let material: string | undefined;
export function tlsDir(): string {
  material ??= tlsMaterial();
  return material;
}

/** Whether this process can test what a root-only file does to the broker's run-time user. */
export function canTestRuntimeUser(): boolean {
  return isRoot && brokerGroupId() !== undefined && process.platform === 'linux';
}
