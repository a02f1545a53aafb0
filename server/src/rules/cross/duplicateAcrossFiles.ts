import { CrossRule, PlacedFinding } from '../crossRule';
import { keySpan, where } from './helpers';

/** OX reads all .properties files of a node into one map; a key set in two files has an undefined winner. */
export const duplicateAcrossFilesRule: CrossRule = {
  id: 'duplicate-across-files',
  scope: 'node',
  defaultSeverity: 'warning',
  title: 'A key set in two files of one node: which file OX reads last, and so which value wins, is undefined.',
  fixable: false,
  judgesUnknownValues: true,
  check: ({ cluster, effective, catalog }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      for (const [key, settings] of effective(node).conflicts()) {
        const secret = catalog.lookup(key, 'properties')?.def.secret;
        // Values a template fills in may or may not be the same: the message says neither.
        const unknown = settings.some((s) => s.setting.unknownValue !== undefined);
        const same = settings.every((s) => s.setting.value === settings[0].setting.value);
        const sameness = unknown ? '' : same ? ' (same value)' : ' to a different value';
        for (const setting of settings) {
          const others = settings.filter((s) => s !== setting);
          out.push({
            doc: setting.doc,
            finding: {
              ...keySpan(setting),
              message: `"${key}" is also set in ${others.map(where).join(', ')}${sameness}. OX reads both files and which one it reads last is undefined; keep it in one file.`,
              related: others.map((o) => ({
                doc: o.doc,
                ...keySpan(o),
                message: secret ? 'Also set here' : `Also set here: ${o.setting.value}`,
              })),
            },
          });
        }
      }
    }
    return out;
  },
};
