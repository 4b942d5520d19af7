import type { PathMapping } from './model/brokerPaths';
import type { Version } from './version';

/** Operating system the broker runs on; it changes a few rules (websockets, paths). */
export type Platform = 'linux' | 'windows' | 'macos';

/** Severity a user can assign to a rule. */
export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** Settings that change what the analysis reports. */
export interface AnalysisSettings {
  /** The broker release to check against. */
  readonly brokerVersion: Version;
  readonly platform: Platform;
  /** Check that files and folders named in the configuration exist on this machine. */
  readonly checkPaths: boolean;
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /**
   * Folders as the broker sees them and where they are here (settings, `--path-map`, Compose
   * bind mounts and volumes). Every path check, link and include_dir read goes through them.
   */
  readonly pathMappings?: readonly PathMapping[];
}

/** What the file system says about a path. */
export interface PathInfo {
  readonly kind: 'file' | 'directory' | 'other';
  readonly readable: boolean;
}

/**
 * File access injected into the service (the service itself never touches fs).
 * All paths are native absolute paths of the machine the analysis runs on.
 */
export interface FileSystemAccess {
  /** Platform of the machine the files are on (decides which path spellings can be checked). */
  readonly hostPlatform: Platform;
  /** undefined when the path does not exist. */
  stat(path: string): PathInfo | undefined;
  /** Entry names of a directory, undefined when it cannot be read. */
  readDirectory(path: string): readonly string[] | undefined;
  /** Text of a file, undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /**
   * Looks inside certificate and key files. Absent where files must not be opened (untrusted
   * workspaces) or cannot be (no disk): the TLS material rules then say nothing.
   */
  readonly tls?: TlsInspector;
}

/** How a TLS file is encoded, as far as its bytes tell. */
export type TlsFileFormat =
  /** PEM text: blocks between `-----BEGIN X-----` and `-----END X-----` lines. */
  | 'pem'
  /** A binary (DER) X.509 certificate. */
  | 'der-certificate'
  /** A binary (DER) private key (PKCS#1, PKCS#8 or SEC1). */
  | 'der-private-key'
  /** A binary PKCS#12 / PFX bundle. */
  | 'pkcs12'
  /** A binary PKCS#7 (.p7b) certificate bundle. */
  | 'pkcs7-der'
  /** A PuTTY private key (.ppk). */
  | 'putty-key'
  | 'empty'
  /** Text, but no PEM block in it. */
  | 'text'
  /** Bytes that are none of the above. */
  | 'unknown';

/** What one certificate says (no key material: names, dates, key type and size). */
export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  /** ISO 8601 dates. */
  readonly validFrom: string;
  readonly validTo: string;
  /** basicConstraints CA:TRUE. */
  readonly ca: boolean;
  /** Issued by itself (subject = issuer and its own key verifies it). */
  readonly selfSigned: boolean;
  /** 'rsa', 'ec', 'ed25519', … */
  readonly keyType: string;
  /** Modulus length (RSA, DSA) or field size (EC), when known. */
  readonly keyBits?: number;
  readonly curve?: string;
  /** SHA-256 of the public key (SPKI DER): compares keys without revealing anything secret. */
  readonly publicKeyId: string;
  /** SHA-256 fingerprint of the certificate, as `openssl x509 -fingerprint -sha256` prints it. */
  readonly fingerprint: string;
}

/** What one private key says (never the key). */
export interface PrivateKeyFacts {
  /** Protected by a passphrase (the broker cannot ask for one). */
  readonly encrypted: boolean;
  readonly keyType?: string;
  readonly keyBits?: number;
  /** SHA-256 of the matching public key, when the key could be read. */
  readonly publicKeyId?: string;
}

/** What a certificate or key file contains. */
export interface TlsFileFacts {
  readonly format: TlsFileFormat;
  /** Labels of the PEM blocks, in order (e.g. CERTIFICATE, PRIVATE KEY, PKCS7, OPENSSH PRIVATE KEY). */
  readonly pemLabels: readonly string[];
  /** Certificates in PEM blocks, in file order. */
  readonly certificates: readonly CertificateFacts[];
  /** Private keys in PEM blocks, in file order. */
  readonly privateKeys: readonly PrivateKeyFacts[];
  /** Number of certificate revocation lists (PEM `X509 CRL` blocks). */
  readonly crls: number;
  /** Permission bits (POSIX), when known. */
  readonly mode?: number;
}

/** Whether a chain of certificates can be built up to a trusted certificate. */
export type ChainVerdict =
  | { readonly kind: 'trusted' }
  /** No certificate in the trust files issued the certificate named by `issuer`. */
  | { readonly kind: 'missing-issuer'; readonly issuer: string };

/** Hashed names in a capath folder (OpenSSL looks certificates up by subject-hash names only). */
export interface CaPathFacts {
  /** Certificate files in the folder (PEM, by content). */
  readonly certificates: number;
  /** Entries named like `0a1b2c3d.0` that hold a certificate. */
  readonly hashed: number;
  /** Names of certificate files that no hashed name points at (at most a few). */
  readonly unhashed: readonly string[];
}

/** Whether a user can read a file here: walks the folders on the way and the file's mode. */
export type UserAccess = 'readable' | 'unreadable' | 'unknown-user';

/**
 * Reads certificate and key files for the TLS rules. Implementations read only regular files
 * up to 1 MB and never return key material or file contents.
 */
export interface TlsInspector {
  /** undefined when the path is not a regular file that can be read, or is larger than 1 MB. */
  inspect(path: string): TlsFileFacts | undefined;
  /** Whether the issuer of the first certificate of `certfile` is in that file or in the trust files (a self-signed one needs none). */
  verifyChain(certfile: string, trust: { readonly cafile?: string; readonly capath?: string }): ChainVerdict | undefined;
  /** undefined when the folder cannot be read. */
  inspectCaPath(folder: string): CaPathFacts | undefined;
  /** Whether `user` can read `path` on this machine (POSIX permissions); undefined where this cannot be told (Windows). */
  userAccess(path: string, user: string): UserAccess | undefined;
}

/** A file system that knows no files: for analyses without disk access. */
export const NO_FILE_SYSTEM: FileSystemAccess = {
  hostPlatform: 'linux',
  stat: () => undefined,
  readDirectory: () => undefined,
  readFile: () => undefined,
};
