import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CaPathFacts, CertificateFacts, ChainVerdict, PrivateKeyFacts, TlsFileFacts, TlsFileFormat, TlsInspector, UserAccess } from './service';

/** Files larger than this are not read (certificates and keys are a few KB). */
export const TLS_READ_LIMIT = 1024 * 1024;
/** Entries of a capath folder looked at. */
const MAX_CAPATH_ENTRIES = 1000;

interface Parsed {
  readonly facts: TlsFileFacts;
  /** Parsed certificates, for chain checks (kept in memory only). */
  readonly x509: readonly crypto.X509Certificate[];
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #.]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
const PRIVATE_KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY']);

/** OIDs as DER bytes (tag 06, length 09): PKCS#7 data and signedData. */
const OID_PKCS7_DATA = Buffer.from('06092a864886f70d010701', 'hex');
const OID_PKCS7_SIGNED = Buffer.from('06092a864886f70d010702', 'hex');

/** Length of a DER header (tag + length bytes) at `offset`, or undefined when it is not one. */
function derHeaderLength(bytes: Buffer, offset: number): number | undefined {
  if (offset + 2 > bytes.length) {
    return undefined;
  }
  const first = bytes[offset + 1];
  if (first < 0x80) {
    return 2;
  }
  const count = first & 0x7f;
  return count >= 1 && count <= 4 ? 2 + count : undefined;
}

/**
 * Recognises binary PKCS#12 and PKCS#7 by their first ASN.1 elements (node:crypto reads neither):
 * PKCS#12 is SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, … } }; PKCS#7 is
 * SEQUENCE { OID pkcs7-signedData, … }. A full parser is not needed to tell them apart.
 */
function sniffDer(bytes: Buffer): TlsFileFormat | undefined {
  if (bytes[0] !== 0x30) {
    return undefined;
  }
  const outer = derHeaderLength(bytes, 0);
  if (outer === undefined) {
    return undefined;
  }
  if (bytes.subarray(outer, outer + OID_PKCS7_SIGNED.length).equals(OID_PKCS7_SIGNED)) {
    return 'pkcs7-der';
  }
  if (bytes[outer] === 0x02 && bytes[outer + 1] === 0x01 && bytes[outer + 2] === 0x03 && bytes[outer + 3] === 0x30) {
    const inner = derHeaderLength(bytes, outer + 3);
    if (inner !== undefined && bytes.subarray(outer + 3 + inner, outer + 3 + inner + OID_PKCS7_DATA.length).equals(OID_PKCS7_DATA)) {
      return 'pkcs12';
    }
  }
  try {
    new crypto.X509Certificate(bytes);
    return 'der-certificate';
  } catch {
    // not a certificate
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      crypto.createPrivateKey({ key: bytes, format: 'der', type });
      return 'der-private-key';
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

function publicKeyId(key: crypto.KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function keySize(key: crypto.KeyObject): { keyType: string; keyBits?: number; curve?: string } {
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType ?? 'unknown';
  const curve = details.namedCurve;
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };
  const fixedBits: Record<string, number> = { ed25519: 256, ed448: 456, x25519: 256, x448: 448 };
  const keyBits = details.modulusLength ?? (curve !== undefined ? curveBits[curve] : undefined) ?? fixedBits[keyType];
  return { keyType, ...(keyBits !== undefined ? { keyBits } : {}), ...(curve !== undefined ? { curve } : {}) };
}

function certificateFacts(cert: crypto.X509Certificate): CertificateFacts {
  const sans = (cert.subjectAltName ?? '').split(/,\s*/).filter((s) => s.length > 0);
  const selfSigned = cert.checkIssued(cert) && safeVerify(cert, cert);
  return {
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    subjectAltNames: sans,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    ca: cert.ca,
    selfSigned,
    ...keySize(cert.publicKey),
    publicKeyId: publicKeyId(cert.publicKey),
    fingerprint: cert.fingerprint256,
  };
}

/** Node prints names one attribute per line; a comma list reads better in messages. */
function oneLineName(name: string): string {
  return name
    .split('\n')
    .filter((p) => p.length > 0)
    .join(', ');
}

function safeVerify(cert: crypto.X509Certificate, issuer: crypto.X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function privateKeyFacts(label: string, block: string): PrivateKeyFacts {
  if (/^Proc-Type:\s*4,ENCRYPTED/m.test(block)) {
    return { encrypted: true };
  }
  try {
    const key = crypto.createPrivateKey({ key: block, format: 'pem' });
    const { keyType, keyBits } = keySize(key);
    return { encrypted: false, keyType, ...(keyBits !== undefined ? { keyBits } : {}), publicKeyId: publicKeyId(crypto.createPublicKey(key)) };
  } catch {
    return { encrypted: false, ...(label === 'RSA PRIVATE KEY' ? { keyType: 'rsa' } : {}) };
  }
}

function parseBytes(bytes: Buffer, mode: number | undefined): Parsed {
  const base = {
    pemLabels: [] as string[],
    certificates: [] as CertificateFacts[],
    privateKeys: [] as PrivateKeyFacts[],
    crls: 0,
    ...(mode !== undefined ? { mode } : {}),
  };
  if (bytes.length === 0) {
    return { facts: { ...base, format: 'empty' }, x509: [] };
  }
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const x509: crypto.X509Certificate[] = [];
    for (const match of text.matchAll(PEM_BLOCK)) {
      const label = match[1];
      base.pemLabels.push(label);
      if (CERTIFICATE_LABELS.has(label)) {
        try {
          const cert = new crypto.X509Certificate(match[0]);
          x509.push(cert);
          base.certificates.push(certificateFacts(cert));
        } catch {
          // a damaged block: its label is still listed
        }
      } else if (PRIVATE_KEY_LABELS.has(label)) {
        base.privateKeys.push(privateKeyFacts(label, match[0]));
      } else if (label === 'ENCRYPTED PRIVATE KEY') {
        base.privateKeys.push({ encrypted: true });
      } else if (label === 'X509 CRL') {
        base.crls++;
      }
    }
    return { facts: { ...base, format: 'pem' }, x509 };
  }
  if (text.startsWith('PuTTY-User-Key-File-')) {
    return { facts: { ...base, format: 'putty-key' }, x509: [] };
  }
  const der = sniffDer(bytes);
  if (der !== undefined) {
    return { facts: { ...base, format: der }, x509: [] };
  }
  const printable = !/[\x00-\x08\x0e-\x1f]/.test(text.slice(0, 4096));
  return { facts: { ...base, format: printable ? 'text' : 'unknown' }, x509: [] };
}

/** `getent`-style lookups in /etc/passwd and /etc/group. */
function lookUpUser(user: string): { uid: number; gids: Set<number> } | undefined {
  const read = (file: string): string[] => {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() && stat.size <= TLS_READ_LIMIT ? fs.readFileSync(file, 'utf8').split('\n') : [];
    } catch {
      return [];
    }
  };
  const entry = read('/etc/passwd')
    .map((l) => l.split(':'))
    .find((f) => f[0] === user && f.length >= 4);
  if (!entry) {
    return undefined;
  }
  const gids = new Set<number>([Number(entry[3])]);
  for (const fields of read('/etc/group').map((l) => l.split(':'))) {
    if (fields.length >= 4 && fields[3].split(',').includes(user)) {
      gids.add(Number(fields[2]));
    }
  }
  return { uid: Number(entry[2]), gids };
}

/** POSIX permission check (ACLs and capabilities are not considered). */
function permits(stat: fs.Stats, who: { uid: number; gids: Set<number> }, bit: number): boolean {
  if (who.uid === 0) {
    return true;
  }
  if (stat.uid === who.uid) {
    return (stat.mode & (bit << 6)) !== 0;
  }
  if (who.gids.has(stat.gid)) {
    return (stat.mode & (bit << 3)) !== 0;
  }
  return (stat.mode & bit) !== 0;
}

function foldersPassable(file: string, who: { uid: number; gids: Set<number> }): boolean {
  let folder = path.dirname(file);
  for (;;) {
    try {
      if (!permits(fs.statSync(folder), who, 0o1)) {
        return false;
      }
    } catch {
      return false;
    }
    const parent = path.dirname(folder);
    if (parent === folder) {
      return true;
    }
    folder = parent;
  }
}

/**
 * The TLS inspector on Node: node:crypto for certificates and keys, a few bytes of DER sniffing
 * for PKCS#12 and PKCS#7. Each file is parsed once per size and modification time.
 */
export function nodeTlsInspector(): TlsInspector {
  const cache = new Map<string, { size: number; mtimeMs: number; parsed: Parsed | undefined }>();
  const load = (file: string): Parsed | undefined => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > TLS_READ_LIMIT) {
      return undefined;
    }
    const hit = cache.get(file);
    if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) {
      return hit.parsed;
    }
    let parsed: Parsed | undefined;
    try {
      parsed = parseBytes(fs.readFileSync(file), process.platform === 'win32' ? undefined : stat.mode & 0o777);
    } catch {
      parsed = undefined;
    }
    if (cache.size > 500) {
      cache.clear();
    }
    cache.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, parsed });
    return parsed;
  };
  const caPathCertificates = (folder: string): { hashed: crypto.X509Certificate[]; facts: CaPathFacts } | undefined => {
    let names: string[];
    try {
      names = fs.readdirSync(folder).slice(0, MAX_CAPATH_ENTRIES);
    } catch {
      return undefined;
    }
    const hashed = new Map<string, crypto.X509Certificate>();
    const plain = new Map<string, string>();
    for (const name of names) {
      const certs = load(path.join(folder, name))?.x509 ?? [];
      if (certs.length === 0) {
        continue;
      }
      if (/^[0-9a-f]{8}\.\d+$/.test(name)) {
        hashed.set(certs[0].fingerprint256, certs[0]);
      } else {
        plain.set(certs[0].fingerprint256, name);
      }
    }
    const unhashed = [...plain].filter(([fingerprint]) => !hashed.has(fingerprint)).map(([, name]) => name);
    const all = new Set([...hashed.keys(), ...plain.keys()]);
    return { hashed: [...hashed.values()], facts: { certificates: all.size, hashed: hashed.size, unhashed: unhashed.sort().slice(0, 5) } };
  };
  return {
    inspect: (file) => load(file)?.facts,
    verifyChain(certfile, trust): ChainVerdict | undefined {
      const chain = load(certfile)?.x509 ?? [];
      if (chain.length === 0) {
        return undefined;
      }
      const anchors = [
        ...(trust.cafile !== undefined ? (load(trust.cafile)?.x509 ?? []) : []),
        ...(trust.capath !== undefined ? (caPathCertificates(trust.capath)?.hashed ?? []) : []),
      ];
      // The broker sends the certificates of certfile, completed from the CA store: the
      // server certificate's issuer must be one of them (or it is self-signed).
      const leaf = chain[0];
      const candidates = [...chain.slice(1), ...anchors];
      if (candidates.some((c) => c.fingerprint256 === leaf.fingerprint256 || (leaf.checkIssued(c) && safeVerify(leaf, c)))) {
        return { kind: 'trusted' };
      }
      return { kind: 'missing-issuer', issuer: oneLineName(leaf.issuer) };
    },
    inspectCaPath: (folder) => caPathCertificates(folder)?.facts,
    userAccess(file, user): UserAccess | undefined {
      if (process.platform === 'win32') {
        return undefined;
      }
      const who = lookUpUser(user);
      if (!who) {
        return 'unknown-user';
      }
      try {
        const real = fs.realpathSync(file);
        if (!foldersPassable(file, who) || !foldersPassable(real, who)) {
          return 'unreadable';
        }
        return permits(fs.statSync(real), who, 0o4) ? 'readable' : 'unreadable';
      } catch {
        return undefined;
      }
    },
  };
}
