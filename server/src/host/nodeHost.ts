import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { DirEntry, WorkspaceHost } from '../analysis/host';

// File access for the server and the CLI. OX reads its .properties files as ISO-8859-1, and so do we.

export const MAX_CATALOG_BYTES = 2 * 1024 * 1024;

export async function readLatin1(filePath: string): Promise<string> {
  return (await fs.readFile(filePath)).toString('latin1');
}

/** Reads a user catalog as JSON data (never as code); size-limited. */
export async function readCatalogJson(filePath: string): Promise<unknown> {
  const stat = await fs.stat(filePath);
  if (stat.size > MAX_CATALOG_BYTES) throw new Error(`larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MB`);
  return JSON.parse(await fs.readFile(filePath, 'utf8'));
}

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(path.resolve(filePath)).toString();
}

/** Whether `child` lies inside `parent` (or is it). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real file system behind the workspace model (server and CLI). */
export const nodeWorkspaceHost: WorkspaceHost = {
  async readDirectory(uri: string): Promise<DirEntry[]> {
    const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
    return Promise.all(
      entries.map(async (e): Promise<DirEntry> => {
        if (e.isSymbolicLink()) {
          // Follow links, but report loops and dangling links as "other".
          try {
            const stat = await fs.stat(path.join(fileURLToPath(uri), e.name));
            return { name: e.name, kind: stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other' };
          } catch {
            return { name: e.name, kind: 'other' };
          }
        }
        return { name: e.name, kind: e.isDirectory() ? 'directory' : e.isFile() ? 'file' : 'other' };
      }),
    );
  },
  readFile: async (uri: string, encoding = 'latin1') =>
    encoding === 'utf8' ? fs.readFile(fileURLToPath(uri), 'utf8') : readLatin1(fileURLToPath(uri)),
  realPath: async (uri: string) => {
    try {
      return await fs.realpath(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  },
};
