import { configurationRule } from '../engine/rule';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { TlsFileRef } from '../model/tls';
import {
  factsOf,
  fileName,
  holdsDhParameters,
  holdsTlsMaterial,
  letsEncryptFile,
  loadFailureEffect,
  loadFailureIsFatal,
  optionName,
  pathSpan,
  refOf,
  tlsFileRefs,
} from '../model/tls';
import { lastEntry } from '../model/config';
import { readBool } from '../util/numbers';
import type { TlsFileFacts } from '../types';
import type { Finding, FindingDetails } from '../engine/rule';

/** Payload of the swap quick fix: the two paths (columns and text; the lines are where the diagnostic and its related location are). */
export interface SwapCertificateAndKeyData {
  readonly swap: {
    readonly certfile: { readonly start: number; readonly end: number; readonly text: string };
    readonly keyfile: { readonly start: number; readonly end: number; readonly text: string };
    /** Both lines are in this file (the fix edits one document). */
    readonly file: string;
    readonly sameFile: boolean;
  };
}

/**
 * The quick fix's edits: each path takes the other's place. The certfile path is the
 * diagnostic's range, the keyfile path its related location. Undefined when the payload does
 * not fit.
 */
function swapEdits(payload: SwapCertificateAndKeyData | undefined, fileId: string, diagnostic: Diagnostic): { range: Range; newText: string }[] | undefined {
  const swap = payload?.swap;
  const keyfile = diagnostic.relatedInformation?.[0]?.location;
  if (!swap || !swap.sameFile || swap.file !== fileId || keyfile?.uri !== fileId) {
    return undefined;
  }
  return [
    { range: diagnostic.range, newText: swap.keyfile.text },
    { range: keyfile.range, newText: swap.certfile.text },
  ];
}

function pathData(ref: TlsFileRef): { start: number; end: number; text: string } {
  const text = ref.directive.rest.slice(ref.start - ref.directive.restStart, ref.end - ref.directive.restStart);
  return { start: ref.start, end: ref.end, text };
}

/** Swapped when the certificate slot holds only keys and the key slot only certificates. */
function swapped(cert: TlsFileFacts | undefined, key: TlsFileFacts | undefined): boolean {
  return (
    cert !== undefined &&
    key !== undefined &&
    cert.certificates.length === 0 &&
    cert.privateKeys.length > 0 &&
    key.privateKeys.length === 0 &&
    key.certificates.length > 0
  );
}

/**
 * The right kind of file in the wrong option: a key in `certfile`, a certificate in `keyfile`
 * (swapped: quick fix), a CA in `certfile`, a leaf certificate in `cafile`, certificates in
 * `crlfile`; Let's Encrypt names that belong elsewhere.
 */
export default configurationRule<SwapCertificateAndKeyData>({
  id: 'tls-file-slot',
  title: 'Certificate, key or CA file in the wrong option',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    const version = settings.brokerVersion;
    const refs = tlsFileRefs(model, settings, fs);
    for (const ref of refs) {
      const facts = factsOf(ref, tls);
      if (!facts || !holdsTlsMaterial(facts)) {
        continue;
      }
      const fatal = loadFailureIsFatal(ref.slot, ref.section, model, version);
      const effect = loadFailureEffect(ref, model, version);
      const at = (severity: Finding['severity'], message: string, extra: FindingDetails<SwapCertificateAndKeyData> = {}): void =>
        report({ file: ref.directive.file, at: pathSpan(ref), severity, message, ...extra });
      const name = optionName(ref);
      const le = letsEncryptFile(ref.path);
      switch (ref.slot) {
        case 'certfile': {
          if (facts.certificates.length === 0) {
            const keyRef = refOf(refs, ref.section, 'keyfile');
            const keyFacts = keyRef ? factsOf(keyRef, tls) : undefined;
            if (keyRef && swapped(facts, keyFacts)) {
              const data: SwapCertificateAndKeyData = {
                swap: {
                  certfile: pathData(ref),
                  keyfile: pathData(keyRef),
                  file: ref.directive.file,
                  sameFile: ref.directive.file === keyRef.directive.file,
                },
              };
              at(
                fatal ? 'error' : 'warning',
                `'${name}' and '${optionName(keyRef)}' are swapped: this file is the private key and the other one the certificate: ${effect}.`,
                {
                  data,
                  related: [{ file: keyRef.directive.file, at: pathSpan(keyRef), message: 'the certificate' }],
                },
              );
            } else {
              at(
                fatal ? 'error' : 'warning',
                `'${name}' holds a private key but no certificate: ${effect}. Point it at the certificate${le ? " (with Let's Encrypt: fullchain.pem)" : ''}.`,
              );
            }
          } else if (le === 'cert.pem') {
            at(
              'warning',
              "Let's Encrypt's cert.pem holds only the site certificate, without the intermediate that browsers and strict clients need to verify it: use fullchain.pem (same folder) in certfile.",
            );
          } else if (facts.certificates[0].ca) {
            at(
              'warning',
              `The first certificate in '${name}' is a CA certificate (${facts.certificates[0].subject}), not the server's own: clients see the CA as the server. ` +
                `${le === 'chain.pem' ? "chain.pem is Let's Encrypt's intermediate: use fullchain.pem." : 'Put the server certificate first (intermediates may follow it).'}`,
            );
          }
          break;
        }
        case 'keyfile': {
          if (facts.privateKeys.length === 0) {
            const certRef = refOf(refs, ref.section, 'certfile');
            // The swapped pair is reported once, on certfile, with the quick fix.
            if (certRef && swapped(factsOf(certRef, tls), facts)) {
              break;
            }
            at(
              fatal ? 'error' : 'warning',
              `'${name}' holds ${facts.certificates.length > 0 ? 'certificates' : 'no private key'} but no private key: ${effect}. ` +
                `Point it at the private key that belongs to the certificate${le ? " (with Let's Encrypt: privkey.pem)" : ''}.`,
            );
          }
          break;
        }
        case 'cafile': {
          if (facts.certificates.length === 0) {
            at(
              fatal ? 'error' : 'warning',
              `'${name}' holds ${facts.privateKeys.length > 0 ? 'a private key' : 'no certificate'} but no CA certificate: ${effect}.${facts.privateKeys.length > 0 ? ' A private key does not belong in a CA file, which is often readable by everyone.' : ''}`,
            );
          } else if (facts.certificates.every((c) => !c.ca)) {
            const requires = ref.section.kind !== 'bridge' && readBool(lastEntry(ref.section, 'require_certificate')?.args[0]?.text) === true;
            at(
              'warning',
              `'${name}' holds only ${facts.certificates.length === 1 ? 'a certificate' : 'certificates'} that cannot sign others (not a CA, e.g. ${facts.certificates[0].subject}): ` +
                `${ref.section.kind === 'bridge' ? "the remote broker's certificate cannot be verified against it" : requires ? 'with require_certificate true, no client certificate can be verified against it, so every client is refused' : 'client certificates cannot be verified against it'}. ` +
                `${le ? "With Let's Encrypt, chain.pem holds the CA (intermediate) certificate." : 'Use the certificate of the CA that issued the certificates.'}`,
            );
          }
          break;
        }
        case 'crlfile': {
          if (facts.crls === 0) {
            at(
              fatal ? 'error' : 'warning',
              `'${name}' needs a certificate revocation list (PEM 'X509 CRL'), but this file holds ${facts.certificates.length > 0 ? 'certificates' : 'a private key'}: ${effect}.`,
            );
          }
          break;
        }
        case 'dhparamfile': {
          if (!holdsDhParameters(facts)) {
            at(
              fatal ? 'error' : 'warning',
              `'${name}' needs Diffie-Hellman parameters (\`openssl dhparam -out dhparam.pem 2048\`), but '${fileName(ref.path)}' holds ${facts.certificates.length > 0 ? 'certificates' : 'keys'}: ${effect}.`,
            );
          }
          break;
        }
        default:
          break;
      }
    }
  },
  fix({ payload, fileId, diagnostic }) {
    const edits = swapEdits(payload, fileId, diagnostic);
    return edits ? [{ title: 'Swap the certfile and keyfile paths', edits, preferred: true }] : [];
  },
});
