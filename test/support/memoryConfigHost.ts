import { ConfigHost, JsonRead } from '../../server/src/config/host';

/** A file's text, or the error code reading it gives. */
export type ConfigFiles = Record<string, string | { error: string }>;

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return `/${out.join('/')}`;
}

/** A `ConfigHost` over absolute POSIX paths; `reads` lists every file read, in order. */
export function memoryConfigHost(files: ConfigFiles): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    resolvePath: (folder, entry) => normalize(entry.startsWith('/') ? entry : `${folder}/${entry}`),
    isInside: (folder, file) => file === folder || file.startsWith(`${folder}/`),
    folderUri: (folder) => `file://${folder}`,
    isFile: async (file) => typeof files[file] === 'string',
    async readJson(file): Promise<JsonRead> {
      reads.push(file);
      const content = files[file];
      if (content === undefined) return { kind: 'missing', reason: 'ENOENT' };
      if (typeof content !== 'string') return { kind: 'unreadable', reason: content.error };
      try {
        return { kind: 'data', data: JSON.parse(content) };
      } catch (error) {
        return { kind: 'not-json', reason: (error as Error).message };
      }
    },
  };
}
