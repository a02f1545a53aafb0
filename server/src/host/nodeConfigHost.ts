import { promises as fs } from 'fs';
import * as path from 'path';
import { ConfigHost, JsonRead } from '../config/host';
import { isInside, pathToUri, readCatalogJson } from './nodeHost';

/** The configuration resolver's view of the file system: paths are the platform's own. */
export const nodeConfigHost: ConfigHost = {
  resolvePath: (folder, entry) => (path.isAbsolute(entry) ? entry : path.join(folder, entry)),
  isInside,
  folderUri: pathToUri,
  async isFile(file) {
    try {
      return (await fs.stat(file)).isFile();
    } catch {
      return false;
    }
  },
  async readJson(file): Promise<JsonRead> {
    try {
      return { kind: 'data', data: await readCatalogJson(file) };
    } catch (error) {
      if (error instanceof SyntaxError) return { kind: 'not-json', reason: error.message };
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', reason };
    }
  },
};
