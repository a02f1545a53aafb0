import { readStatus } from '../catalog/versionFacts';
import { Finding, Rule } from './rule';
import { nodeVersionOf, versionWords } from './versionSupport';

/** A key the node's OX version does not read yet: the catalog dates it to a later release. */
export const keyNotInVersionRule: Rule = {
  id: 'key-not-in-version',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    "A key introduced in a later OX release than the node's version (from its package list or the configuration): that version does not read it.",
  fixable: false,
  readsNode: true,
  check: ({ doc, workspace }) => {
    const version = nodeVersionOf(doc, workspace);
    if (!version) return [];
    const findings: Finding[] = [];
    for (const e of doc.settings) {
      const def = e.known?.def;
      if (!def) continue;
      const verdict = readStatus(def, version.version);
      if (verdict.status !== 'not-yet' || !verdict.fact) continue;
      findings.push({
        ...e.keyRange,
        message: `"${e.key}" was introduced in ${verdict.fact.version}; this node runs ${versionWords(version)}, which does not read it.`,
      });
    }
    return findings;
  },
};
