import { backupsExceedMembersRule } from './cross/backupsExceedMembers';
import { clusterMismatchRule } from './cross/clusterMismatch';
import { duplicateAcrossFilesRule } from './cross/duplicateAcrossFiles';
import { duplicateRouteRule } from './cross/duplicateRoute';
import { eventInvalidationWithoutHazelcastRule } from './cross/eventInvalidationWithoutHazelcast';
import { joinIncompleteRule } from './cross/joinIncomplete';
import { legacyFileRule } from './cross/legacyFile';
import { loopbackInterfacesRule } from './cross/loopbackInterfaces';
import { ltcpIgnoredRule } from './cross/ltcpIgnored';
import { missingGroupNameRule } from './cross/missingGroupName';
import { noDataMembersRule } from './cross/noDataMembers';
import { nodeNotListedRule } from './cross/nodeNotListed';
import { sessionIdleBelowLifetimeRule } from './cross/sessionIdleBelowLifetime';
import { weakClusterExposureRule } from './cross/weakClusterExposure';
import { dataHoldingShareRule } from './cross/dataHoldingShare';
import { packagesDifferRule } from './cross/packagesDiffer';
import { versionsDifferRule } from './cross/versionsDiffer';
import { upgradeNodePushRule } from './cross/upgradeNodePush';
import { missingMandatoryRule } from './cross/missingMandatory';
import { upgradePackageLeftRule } from './cross/upgradePackageLeft';
import { sessionStoragePackageRule } from './cross/sessionStoragePackage';
import { hzGroupNameUnsetRule } from './cross/hzGroupNameUnset';
import { balancerDuplicateRouteRule } from './balancer/balancerDuplicateRoute';
import { balancerMemberNoRouteRule } from './balancer/balancerMemberNoRoute';
import { balancerNotStickyRule } from './balancer/balancerNotSticky';
import { balancerRouteUnknownRule } from './balancer/balancerRouteUnknown';
import { fullMemberServesClientsRule } from './balancer/fullMemberServesClients';
import { nodeNotInBalancerRule } from './balancer/nodeNotInBalancer';
import { upgradeNodeInBalancerRule } from './balancer/upgradeNodeInBalancer';
import { CrossRule } from './crossRule';
import { chartManagedKeyRule } from './chartManagedKey';
import { hzGroupPasswordIgnoredRule } from './hzGroupPasswordIgnored';
import { secretInConfigmapRule } from './secretInConfigmap';
import { defaultSecretRule } from './defaultSecret';
import { deprecatedKeyRule } from './deprecatedKey';
import { keyNotInVersionRule } from './keyNotInVersion';
import { duplicateKeyRule } from './duplicateKey';
import { encodingRule } from './encoding';
import { invalidValueRule } from './invalidValue';
import { mapKeyOutsideMapFileRule } from './mapKeyOutsideMapFile';
import { misreadValueRule } from './misreadValue';
import { placeholderValueRule } from './placeholderValue';
import { Rule, RuleMeta, Severity } from './rule';
import { statusValueRule } from './statusValue';
import { syntaxRule } from './syntax';
import { unknownKeyRule } from './unknownKey';
import { unknownRoleRule } from './unknownRole';
import { upgradeValuesRule } from './upgradeValues';
import { wrongFileRule } from './wrongFile';

/**
 * Every rule, in the order of settings, docs and --help: the rules of one file first, then those of a node
 * or cluster. `npm run gen` writes the rule settings of package.json, the schema and the docs tables from it.
 */
export const RULES: readonly (Rule | CrossRule)[] = [
  syntaxRule,
  unknownKeyRule,
  duplicateKeyRule,
  invalidValueRule,
  misreadValueRule,
  deprecatedKeyRule,
  keyNotInVersionRule,
  wrongFileRule,
  mapKeyOutsideMapFileRule,
  defaultSecretRule,
  encodingRule,
  chartManagedKeyRule,
  secretInConfigmapRule,
  hzGroupPasswordIgnoredRule,
  statusValueRule,
  unknownRoleRule,
  upgradeValuesRule,
  placeholderValueRule,
  sessionIdleBelowLifetimeRule,
  missingGroupNameRule,
  joinIncompleteRule,
  loopbackInterfacesRule,
  backupsExceedMembersRule,
  noDataMembersRule,
  eventInvalidationWithoutHazelcastRule,
  ltcpIgnoredRule,
  legacyFileRule,
  duplicateAcrossFilesRule,
  clusterMismatchRule,
  duplicateRouteRule,
  nodeNotListedRule,
  weakClusterExposureRule,
  hzGroupNameUnsetRule,
  dataHoldingShareRule,
  sessionStoragePackageRule,
  packagesDifferRule,
  versionsDifferRule,
  upgradeNodePushRule,
  missingMandatoryRule,
  upgradePackageLeftRule,
  balancerRouteUnknownRule,
  nodeNotInBalancerRule,
  balancerDuplicateRouteRule,
  balancerNotStickyRule,
  balancerMemberNoRouteRule,
  fullMemberServesClientsRule,
  upgradeNodeInBalancerRule,
];

/** The rules that look at one file at a time. */
export const FILE_RULES: readonly Rule[] = RULES.filter((r): r is Rule => r.scope === 'file');

/** The rules over the files of a node or the nodes of a cluster. */
export const CROSS_RULES: readonly CrossRule[] = RULES.filter((r): r is CrossRule => r.scope !== 'file');

const BY_ID = new Map<string, RuleMeta>(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** Default severity per rule id. */
export const RULE_DEFAULTS: ReadonlyMap<string, Severity> = new Map(RULES.map((r) => [r.id, r.defaultSeverity]));

const REPOSITORY_FILES = 'https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/';

/** The rule's documentation page, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The rule's documentation page on the web (diagnostics' codeDescription, SARIF helpUri). */
export function ruleDocUrl(id: string): string {
  return REPOSITORY_FILES + ruleDocPath(id);
}
