import type { Rule } from '../engine/rule';
import anonymousRefused from './anonymous-refused';
import assignmentSyntax from './assignment-syntax';
import bridgeAddress from './bridge-address';
import bridgeIncomplete from './bridge-incomplete';
import bridgeLocalClientid from './bridge-local-clientid';
import bridgeOptionOutsideBridge from './bridge-option-outside-bridge';
import bridgeTls from './bridge-tls';
import bridgeTopic from './bridge-topic';
import byteOrderMark from './byte-order-mark';
import controlCharacter from './control-character';
import deprecatedOption from './deprecated-option';
import directiveCase from './directive-case';
import duplicateBridgeName from './duplicate-bridge-name';
import duplicateListener from './duplicate-listener';
import duplicateOption from './duplicate-option';
import extraArguments from './extra-arguments';
import globalOptionInSection from './global-option-in-section';
import httpDirWithoutWebsockets from './http-dir-without-websockets';
import includeDir from './include-dir';
import indentedComment from './indented-comment';
import invalidBoolean from './invalid-boolean';
import invalidDuration from './invalid-duration';
import invalidEnum from './invalid-enum';
import invalidMountPoint from './invalid-mount-point';
import invalidNumber from './invalid-number';
import listenerOptionBeforeListener from './listener-option-before-listener';
import loneCarriageReturn from './lone-carriage-return';
import missingValue from './missing-value';
import noListener from './no-listener';
import nulCharacter from './nul-character';
import outOfRange from './out-of-range';
import foreignPlatformPath from './foreign-platform-path';
import pathNotFound from './path-not-found';
import perListenerSettingsOrder from './per-listener-settings-order';
import persistenceLocationSlash from './persistence-location-slash';
import pluginOptionWithoutPlugin from './plugin-option-without-plugin';
import quotedValue from './quoted-value';
import relativePath from './relative-path';
import tabSeparator from './tab-separator';
import tlsCaWithoutCertificate from './tls-ca-without-certificate';
import tlsCertfileWithoutKeyfile from './tls-certfile-without-keyfile';
import tlsClientCertificates from './tls-client-certificates';
import tlsKeyfileWithoutCertfile from './tls-keyfile-without-certfile';
import tlsPskAndCertificate from './tls-psk-and-certificate';
import tlsCertificateValidity from './tls-certificate-validity';
import tlsChain from './tls-chain';
import tlsEncryptedKey from './tls-encrypted-key';
import tlsFileFormat from './tls-file-format';
import tlsFilePermissions from './tls-file-permissions';
import tlsFileSlot from './tls-file-slot';
import tlsKeyMismatch from './tls-key-mismatch';
import proxyProtocolTls from './proxy-protocol-tls';
import trailingComment from './trailing-comment';
import trailingWhitespace from './trailing-whitespace';
import unavailableInVersion from './unavailable-in-version';
import unknownDirective from './unknown-directive';
import websocketsHostName from './websockets-host-name';
import websocketsSocketDomain from './websockets-socket-domain';
import websocketsWindowsLocalhost from './websockets-windows-localhost';

/**
 * Every rule, in the order their findings are listed. Ids are stable and never reused; each
 * rule lives in `rules/<id>.ts` (see CONTRIBUTING.md, "How to add a rule").
 */
export const RULES: readonly Rule[] = [
  // How the broker reads the text
  unknownDirective,
  directiveCase,
  tabSeparator,
  indentedComment,
  byteOrderMark,
  assignmentSyntax,
  nulCharacter,
  loneCarriageReturn,
  controlCharacter,
  trailingComment,
  quotedValue,
  trailingWhitespace,
  // Values
  missingValue,
  extraArguments,
  invalidBoolean,
  invalidNumber,
  outOfRange,
  invalidEnum,
  invalidDuration,
  invalidMountPoint,
  // Versions
  unavailableInVersion,
  deprecatedOption,
  // Sections and scope
  listenerOptionBeforeListener,
  bridgeOptionOutsideBridge,
  pluginOptionWithoutPlugin,
  globalOptionInSection,
  duplicateOption,
  perListenerSettingsOrder,
  includeDir,
  duplicateListener,
  noListener,
  anonymousRefused,
  // TLS
  tlsCertfileWithoutKeyfile,
  tlsKeyfileWithoutCertfile,
  tlsCaWithoutCertificate,
  tlsPskAndCertificate,
  proxyProtocolTls,
  tlsClientCertificates,
  // Websockets
  websocketsSocketDomain,
  websocketsWindowsLocalhost,
  websocketsHostName,
  httpDirWithoutWebsockets,
  // Bridges
  bridgeIncomplete,
  bridgeAddress,
  bridgeTopic,
  duplicateBridgeName,
  bridgeLocalClientid,
  bridgeTls,
  // Paths
  pathNotFound,
  foreignPlatformPath,
  relativePath,
  persistenceLocationSlash,
  // TLS material (certificate and key files)
  tlsFileFormat,
  tlsFileSlot,
  tlsKeyMismatch,
  tlsEncryptedKey,
  tlsCertificateValidity,
  tlsChain,
  tlsFilePermissions,
];

export type { Rule } from '../engine/rule';
