import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from '../model/document';
import { encodingOf, languageIdOf, readDocument } from '../model/readDocument';
import { DiscoverOptions, discoverFiles } from './discover';
import { WorkspaceHost } from './host';
import { PackageListFile } from '../model/packages/nodeVersion';
import { packageListMessage, readPackageListFile } from './packageLists';

/** Parses a file with its format's reader; undefined when it is no OX file after all (see readDocument). */
export function parseFile(uri: string, text: string, catalog: Catalog, version = 0, maxSize = Infinity): ConfigDocument | undefined {
  return readDocument(TextDocument.create(uri, languageIdOf(uri), version, text), catalog, maxSize);
}

export interface LoadedFiles {
  docs: ConfigDocument[];
  /** The package lists found below the roots. */
  packageLists: PackageListFile[];
  /** Unreadable files and folders, limits hit: one line each. */
  messages: string[];
  /** How many of the messages are files or folders that could not be read. */
  unreadable: number;
}

/** Files read ahead of the one being parsed (each may be large: kept small). */
const READ_AHEAD = 8;

/** Finds and parses every OX file and package list below the roots. */
export async function loadFiles(
  host: WorkspaceHost,
  roots: readonly string[],
  catalog: Catalog,
  options: DiscoverOptions & { maxFileSize?: number } = {},
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedFiles> {
  const discovery = await discoverFiles(host, roots, options);
  const messages = [...discovery.messages];
  let unreadable = discovery.unreadable;
  const docs: ConfigDocument[] = [];
  const files = discovery.files;
  // A few reads in flight while one file is parsed: one at a time leaves the disk and CPU waiting in turn.
  const reads: Array<Promise<string> | undefined> = [];
  const startRead = (k: number) => {
    if (k >= files.length) return;
    const read = host.readFile(files[k], encodingOf(files[k]));
    read.catch(() => undefined); // reported when its turn comes
    reads[k] = read;
  };
  for (let k = 0; k < READ_AHEAD; k++) startRead(k);
  for (let k = 0; k < files.length; k++) {
    startRead(k + READ_AHEAD);
    try {
      const doc = parseFile(files[k], await reads[k]!, catalog, 0, options.maxFileSize);
      if (doc) docs.push(doc);
    } catch (error) {
      messages.push(`Cannot read ${files[k]}: ${error instanceof Error ? error.message : String(error)}`);
      unreadable++;
    }
    reads[k] = undefined;
    onProgress?.(k + 1, files.length);
  }
  const packageLists: PackageListFile[] = [];
  for (const uri of discovery.packageLists) {
    try {
      const list = await readPackageListFile(host, uri);
      packageLists.push(list);
      const message = packageListMessage(list);
      if (message) messages.push(message);
    } catch (error) {
      messages.push(`Cannot read ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      unreadable++;
    }
  }
  return { docs, packageLists, messages, unreadable };
}
