import { MAP_FILE } from '../catalog/fileKind';
import { Finding, Rule } from './rule';

/** A known key documented for another OX file than this one. */
export const wrongFileRule: Rule = {
  id: 'wrong-file',
  defaultSeverity: 'information',
  summary: 'A key documented for another file; OX still reads it from any .properties file below etc/.',
  check: ({ doc }) => {
    const findings: Finding[] = [];
    if (doc.kind.syntax !== 'properties') return findings;
    for (const e of doc.entries) {
      const known = e.known;
      if (!known || known.file === doc.kind.file || known.file === MAP_FILE || known.def.removedIn) continue;
      const message = doc.kind.isMapFile
        ? `"${e.key}" belongs in ${known.file}. OX's map loader skips it here as an illegal property, though the global configuration still reads it.`
        : `"${e.key}" is documented for ${known.file}. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.`;
      findings.push({ start: e.entry.keySpan.start, end: e.entry.keySpan.end, message });
    }
    return findings;
  },
};
