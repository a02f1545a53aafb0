import { CrossRule } from '../crossRule';
import { backupsExceedMembersRule } from './backupsExceedMembers';
import { clusterMismatchRule } from './clusterMismatch';
import { duplicateAcrossFilesRule } from './duplicateAcrossFiles';
import { duplicateRouteRule } from './duplicateRoute';
import { eventInvalidationWithoutHazelcastRule } from './eventInvalidationWithoutHazelcast';
import { joinIncompleteRule } from './joinIncomplete';
import { legacyFileRule } from './legacyFile';
import { loopbackInterfacesRule } from './loopbackInterfaces';
import { ltcpIgnoredRule } from './ltcpIgnored';
import { missingGroupNameRule } from './missingGroupName';
import { noDataMembersRule } from './noDataMembers';
import { nodeNotListedRule } from './nodeNotListed';
import { sessionIdleBelowLifetimeRule } from './sessionIdleBelowLifetime';
import { weakClusterExposureRule } from './weakClusterExposure';

/** Rules over the files of a node and the nodes of a cluster. */
export const CROSS_FILE_RULES: readonly CrossRule[] = [
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
];
