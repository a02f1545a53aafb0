import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { createOxDocument, OxDocument } from '../model/properties/propertiesDocument';
import { DiscoverOptions, discoverFiles } from './discover';
import { WorkspaceHost } from './host';

export function languageIdOf(uri: string): string {
  return uri.toLowerCase().endsWith('.ccf') ? 'ox-ccf' : 'ox-properties';
}

/** Parses a file; one larger than `maxSize` characters gets its syntax checked only. */
export function parseFile(uri: string, text: string, catalog: Catalog, version = 0, maxSize = Infinity): OxDocument {
  return createOxDocument(TextDocument.create(uri, languageIdOf(uri), version, text), catalog, maxSize);
}

export interface LoadedFiles {
  docs: OxDocument[];
  /** Unreadable files and folders, limits hit: one line each. */
  messages: string[];
  /** How many of the messages are files or folders that could not be read. */
  unreadable: number;
}

/** Files read ahead of the one being parsed (each may be large: kept small). */
const READ_AHEAD = 8;

/** Finds and parses every OX file below the roots. */
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
  const docs: OxDocument[] = [];
  const files = discovery.files;
  // A few reads in flight while one file is parsed: one at a time leaves the disk and CPU waiting in turn.
  const reads: Array<Promise<string> | undefined> = [];
  const startRead = (k: number) => {
    if (k >= files.length) return;
    const read = host.readFile(files[k]);
    read.catch(() => undefined); // reported when its turn comes
    reads[k] = read;
  };
  for (let k = 0; k < READ_AHEAD; k++) startRead(k);
  for (let k = 0; k < files.length; k++) {
    startRead(k + READ_AHEAD);
    try {
      docs.push(parseFile(files[k], await reads[k]!, catalog, 0, options.maxFileSize));
    } catch (error) {
      messages.push(`Cannot read ${files[k]}: ${error instanceof Error ? error.message : String(error)}`);
      unreadable++;
    }
    reads[k] = undefined;
    onProgress?.(k + 1, files.length);
  }
  return { docs, messages, unreadable };
}
