import type { Rule } from './rule';
import { anonymousRefused } from './anonymousRefused';
import { assignmentSyntax } from './assignmentSyntax';
import { bridgeAddress } from './bridgeAddress';
import { bridgeIncomplete } from './bridgeIncomplete';
import { bridgeLocalClientid } from './bridgeLocalClientid';
import { bridgeOptionOutsideBridge } from './bridgeOptionOutsideBridge';
import { bridgeTls } from './bridgeTls';
import { bridgeTopic } from './bridgeTopic';
import { byteOrderMark } from './byteOrderMark';
import { controlCharacter } from './controlCharacter';
import { deprecatedOption } from './deprecatedOption';
import { directiveCase } from './directiveCase';
import { duplicateBridgeName } from './duplicateBridgeName';
import { duplicateListener } from './duplicateListener';
import { duplicateOption } from './duplicateOption';
import { extraArguments } from './extraArguments';
import { globalOptionInSection } from './globalOptionInSection';
import { httpDirWithoutWebsockets } from './httpDirWithoutWebsockets';
import { includeDir } from './includeDir';
import { indentedComment } from './indentedComment';
import { invalidBoolean } from './invalidBoolean';
import { invalidDuration } from './invalidDuration';
import { invalidEnum } from './invalidEnum';
import { invalidMountPoint } from './invalidMountPoint';
import { invalidNumber } from './invalidNumber';
import { loneCarriageReturn } from './loneCarriageReturn';
import { listenerOptionBeforeListener } from './listenerOptionBeforeListener';
import { missingValue } from './missingValue';
import { noListener } from './noListener';
import { nulCharacter } from './nulCharacter';
import { outOfRange } from './outOfRange';
import { pathNotFound } from './pathNotFound';
import { perListenerSettingsOrder } from './perListenerSettingsOrder';
import { persistenceLocationSlash } from './persistenceLocationSlash';
import { pluginOptionWithoutPlugin } from './pluginOptionWithoutPlugin';
import { quotedValue } from './quotedValue';
import { relativePath } from './relativePath';
import { tabSeparator } from './tabSeparator';
import { tlsCaWithoutCertificate } from './tlsCaWithoutCertificate';
import { tlsClientCertificates } from './tlsClientCertificates';
import { tlsCertfileWithoutKeyfile, tlsKeyfileWithoutCertfile } from './tlsPairs';
import { tlsPskAndCertificate } from './tlsPskAndCertificate';
import { trailingComment } from './trailingComment';
import { trailingWhitespace } from './trailingWhitespace';
import { unavailableInVersion } from './unavailableInVersion';
import { unknownDirective } from './unknownDirective';
import { websocketsHostName } from './websocketsHostName';
import { websocketsSocketDomain } from './websocketsSocketDomain';
import { websocketsWindowsLocalhost } from './websocketsWindowsLocalhost';

/** Every rule, in the order their findings are listed. Ids are stable and never reused. */
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
  relativePath,
  persistenceLocationSlash,
];

export type { Rule } from './rule';
