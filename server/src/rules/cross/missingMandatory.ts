import { mandatoryKeysAt } from '../../catalog/mandatoryKeys';
import { firstLineRange } from '../../model/document';
import { nodeFile } from '../../model/node';
import { CrossRule, PlacedFinding } from '../crossRule';
import { versionWords } from '../versionSupport';
import { nodeAnchor } from './helpers';

/** A key the node's OX version refuses to start without (from 8.3), unset or empty; a salt shorter than OX asks for. */
export const missingMandatoryRule: CrossRule = {
  id: 'missing-mandatory',
  scope: 'node',
  defaultSeverity: 'error',
  title:
    "A key the node's OX version refuses to start without (cookie.hash.salt, share.cryptKey, sessiond.encryptionKey from 8.3) is unset or empty, or the cookie salt is shorter than the 16 characters OX asks for.",
  fixable: false,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const version = node.oxVersion;
      if (!version) continue;
      for (const mandatory of mandatoryKeysAt(version.version)) {
        const got = effective(node).get(mandatory.key);
        const value = (got.value ?? '').trim();
        const runs = `this node runs ${versionWords(version)}`;
        const what = mandatory.note ? ` (${mandatory.note})` : '';
        if (got.source && value !== '') {
          if (mandatory.minLength && value.length < mandatory.minLength) {
            out.push({
              doc: got.source.doc,
              finding: {
                ...got.source.setting.keyRange,
                severity: 'warning',
                message: `${mandatory.key} has ${value.length} characters; OX's documentation asks for a random string of at least ${mandatory.minLength}.`,
              },
            });
          }
          continue;
        }
        if (got.source) {
          out.push({
            doc: got.source.doc,
            finding: {
              ...got.source.setting.keyRange,
              message: `${mandatory.key} is empty, and ${runs}, which refuses to start without a value${what}.`,
            },
          });
          continue;
        }
        const file = nodeFile(node, mandatory.file);
        const where = file ? { doc: file, span: firstLineRange(file) } : nodeAnchor(node);
        if (!where) continue;
        out.push({
          doc: where.doc,
          finding: {
            ...where.span,
            message: `${mandatory.key} is not set on this node (it belongs in ${mandatory.file}), and ${runs}, which refuses to start without it${what}.`,
          },
        });
      }
    }
    return out;
  },
};
