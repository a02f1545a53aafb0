// The real stock OX files in ../shared/corpus next to the repository. A user's clone has none: tests that
// read them say so and are skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export const NO_CORPUS = '../shared/corpus not found next to the repository: the stock OX files are not available here';

/** The .properties and .ccf files below `dir`, sorted; none when it does not exist. */
export function oxFilesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...oxFilesBelow(full));
    else if (/\.(properties|ccf)$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** OX's stock core-mw chart values: every `values.yaml` below the corpus's k8s-stock folder, sorted. */
export const K8S_STOCK = path.join(CORPUS, 'k8s-stock');

export function stockValuesFiles(dir: string = K8S_STOCK): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...stockValuesFiles(full));
    else if (entry.name === 'values.yaml') out.push(full);
  }
  return out.sort();
}
