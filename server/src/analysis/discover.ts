import { isApacheFileName } from '../model/apache/apacheDocument';
import { isValuesFileName } from '../model/helm/valuesDocument';
import { renderedName } from '../template/syntax';
import { matchesGlob } from '../util/glob';
import { DirEntry, WorkspaceHost } from './host';
import { joinUri, relativeUri } from '../util/uris';

export const DEFAULT_EXCLUDES = ['node_modules', '.git'];

/** The file name of a node's installed-packages list, unless the configuration names another. */
export const DEFAULT_PACKAGE_LIST = 'packages.txt';

/** Whether a package list name is a plain file name: no folder, no glob characters. */
export function isPackageListName(name: string): boolean {
  return name.trim() === name && name !== '' && name !== '.' && name !== '..' && !/[/\\*?{}[\]]/.test(name);
}

/** Names OX gives its cluster files, recognised even outside an `etc/` or `conf/` folder. */
const OX_FILE_NAMES = new Set([
  'hazelcast.properties',
  'sessiond.properties',
  'cache.properties',
  'cache.ccf',
  'server.properties',
  'cluster.properties',
  'mdns.properties',
  'static-cluster-discovery.properties',
]);

export interface DiscoverOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Stops after this many files, with a message. */
  maxFiles?: number;
  /** The file name of package lists (default `packages.txt`). */
  packageList?: string;
}

/** A folder to index with the include and exclude globs of its own configuration. */
export interface IndexedRoot {
  uri: string;
  discover: DiscoverOptions;
}

export interface Discovery {
  files: string[];
  /** Package lists: files named as `packageList` says, which are no OX files. */
  packageLists: string[];
  /** Folders skipped and limits hit, in words. */
  messages: string[];
  /** How many of the messages are folders that could not be read. */
  unreadable: number;
}

function isConfigFolder(name: string): boolean {
  return name === 'etc' || name === 'conf';
}

/** Whether a file found while walking is an OX config file. */
export function isOxFile(relativePath: string, insideConfigFolder: boolean, include: readonly string[]): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  // A configuration-management template (`hazelcast.properties.j2`) counts as the file it renders.
  const lower = renderedName(name.toLowerCase());
  if (include.some((g) => matchesGlob(relativePath, g))) return true;
  // A values file of the Kubernetes edition: its reader decides by the content.
  if (isValuesFileName(relativePath)) return true;
  // The httpd configuration in front of the nodes (proxy_http.conf, any .conf below apache2/ or httpd/).
  if (isApacheFileName(relativePath)) return true;
  if (!lower.endsWith('.properties') && !lower.endsWith('.ccf')) return false;
  if (insideConfigFolder) return true;
  const parent = relativePath.split('/').slice(-2, -1)[0];
  return OX_FILE_NAMES.has(lower) || parent === 'hazelcast';
}

/** The file name of package lists under these options. */
export function packageListName(options: DiscoverOptions): string {
  return options.packageList ?? DEFAULT_PACKAGE_LIST;
}

/** Whether a folder on the way to `relativePath`, or the file itself, is excluded. */
function isExcluded(relativePath: string, options: DiscoverOptions): boolean {
  const exclude = [...DEFAULT_EXCLUDES, ...(options.exclude ?? [])];
  const parts = relativePath.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (exclude.some((g) => matchesGlob(prefix, g))) return true;
  }
  return false;
}

/** Whether the walk below a root would list the file at `relativePath`: no folder on its way or itself excluded, and an OX file. */
export function isDiscovered(relativePath: string, options: DiscoverOptions): boolean {
  if (isExcluded(relativePath, options) || isPackageListPath(relativePath, options)) return false;
  const insideConfig = relativePath.split('/').slice(0, -1).some(isConfigFolder);
  return isOxFile(relativePath, insideConfig, options.include ?? []);
}

/** Whether the walk below a root would list the file at `relativePath` as a package list. */
export function isDiscoveredPackageList(relativePath: string, options: DiscoverOptions): boolean {
  return isPackageListPath(relativePath, options) && !isExcluded(relativePath, options);
}

function isPackageListPath(relativePath: string, options: DiscoverOptions): boolean {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1) === packageListName(options);
}

/** Walks the roots and lists OX config files, skipping excluded folders and symlink loops. */
export async function discoverFiles(host: WorkspaceHost, roots: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const include = options.include ?? [];
  const exclude = [...DEFAULT_EXCLUDES, ...(options.exclude ?? [])];
  const maxFiles = options.maxFiles ?? 20_000;
  const packageList = packageListName(options);
  const files: string[] = [];
  const packageLists: string[] = [];
  const messages: string[] = [];
  let unreadable = 0;
  const seen = new Set<string>();
  const walk = async (root: string, dir: string, insideConfig: boolean): Promise<void> => {
    const real = host.realPath ? await host.realPath(dir) : dir;
    if (real !== undefined) {
      if (seen.has(real)) return;
      seen.add(real);
    }
    let entries: DirEntry[];
    try {
      entries = await host.readDirectory(dir);
    } catch (error) {
      messages.push(`Cannot read folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
      unreadable++;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= maxFiles) return;
      const uri = joinUri(dir, entry.name);
      const rel = relativeUri(root, uri);
      if (exclude.some((g) => matchesGlob(rel, g))) continue;
      if (entry.kind === 'directory') await walk(root, uri, insideConfig || isConfigFolder(entry.name));
      else if (entry.kind === 'file') {
        // A package list is never read as an OX file, whatever the include globs say.
        if (entry.name === packageList) packageLists.push(uri);
        else if (isOxFile(rel, insideConfig, include)) files.push(uri);
      }
    }
  };
  for (const root of roots) await walk(root, root, false);
  if (files.length >= maxFiles) messages.push(`Stopped after ${maxFiles} files; narrow the folders or exclude some.`);
  return { files, packageLists, messages, unreadable };
}
