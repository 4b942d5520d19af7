/**
 * The companion-file rule table: every rule for the files mosquitto.conf points at, in the order
 * of the settings (and of findings at the same position). Add a rule here after writing its
 * file (CONTRIBUTING.md, "How to add a companion rule").
 */
import type { CompanionRule } from '../../engine/companionRule';
import aclAccessType from './acl-access-type';
import aclAnonymous from './acl-anonymous';
import aclDuplicateUser from './acl-duplicate-user';
import aclKeyword from './acl-keyword';
import aclPatternSubstitution from './acl-pattern-substitution';
import aclTopic from './acl-topic';
import aclUnknownUser from './acl-unknown-user';
import aclUser from './acl-user';
import companionFileErrors from './companion-file-errors';
import dynsecAclType from './dynsec-acl-type';
import dynsecJson from './dynsec-json';
import dynsecPassword from './dynsec-password';
import dynsecStructure from './dynsec-structure';
import passwordDuplicateUser from './password-duplicate-user';
import passwordHash from './password-hash';
import passwordLine from './password-line';
import pskDuplicateIdentity from './psk-duplicate-identity';
import pskKey from './psk-key';
import pskLine from './psk-line';

export const COMPANION_RULES: readonly CompanionRule[] = [
  aclKeyword,
  aclAccessType,
  aclTopic,
  aclUser,
  aclPatternSubstitution,
  aclAnonymous,
  aclDuplicateUser,
  aclUnknownUser,
  passwordHash,
  passwordLine,
  passwordDuplicateUser,
  pskKey,
  pskLine,
  pskDuplicateIdentity,
  dynsecJson,
  dynsecStructure,
  dynsecAclType,
  dynsecPassword,
  companionFileErrors,
];
