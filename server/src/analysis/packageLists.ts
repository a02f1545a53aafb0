// Reading a node's package list from disk; the reader itself (model/packages/packageList.ts) is pure.
import { readPackageList } from '../model/packages/packageList';
import { PackageListFile } from '../model/packages/nodeVersion';
import { WorkspaceHost } from './host';

/** Reads and parses a package list; throws when the file cannot be read. */
export async function readPackageListFile(host: WorkspaceHost, uri: string): Promise<PackageListFile> {
  return { uri, ...readPackageList(await host.readFile(uri, 'utf8')) };
}

/** One log line about the lines of a list that were skipped; undefined when every line was read. */
export function packageListMessage(list: PackageListFile): string | undefined {
  const [first] = list.problems;
  if (!first) return undefined;
  if (list.problems.length === 1) return `${list.uri}:${first.line}: ${first.message}; line skipped.`;
  return `${list.uri}: ${list.problems.length} lines skipped; the first, line ${first.line}: ${first.message}`;
}
