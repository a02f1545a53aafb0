import { CrossRule, PlacedFinding } from '../crossRule';
import { keySpan, where } from './helpers';

/** OX reads all .properties files of a node into one map; a key set in two files has an undefined winner. */
export const duplicateAcrossFilesRule: CrossRule = {
  id: 'duplicate-across-files',
  scope: 'node',
  defaultSeverity: 'warning',
  title: 'A key set in two files of one node: which file OX reads last, and so which value wins, is undefined.',
  fixable: false,
  check: ({ cluster, effective, catalog }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      for (const [key, settings] of effective(node).conflicts()) {
        const secret = catalog.lookup(key, 'properties')?.def.secret;
        const same = settings.every((s) => s.setting.value === settings[0].setting.value);
        for (const setting of settings) {
          const others = settings.filter((s) => s !== setting);
          out.push({
            doc: setting.doc,
            finding: {
              ...keySpan(setting),
              message: `"${key}" is also set in ${others.map(where).join(', ')}${same ? ' (same value)' : ' to a different value'}. OX reads both files and which one it reads last is undefined; keep it in one file.`,
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
