import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { createOxDocument, OxDocument } from '../document';
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
}

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
  const docs: OxDocument[] = [];
  let done = 0;
  for (const uri of discovery.files) {
    try {
      docs.push(parseFile(uri, await host.readFile(uri), catalog, 0, options.maxFileSize));
    } catch (error) {
      messages.push(`Cannot read ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
    onProgress?.(++done, discovery.files.length);
  }
  return { docs, messages };
}
