/** A directory entry as the host sees it. */
export interface DirEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/**
 * File access for the workspace model: the server and the CLI give it the real file system, tests an
 * in-memory one. Files are identified by `file://` URIs; text is decoded as ISO-8859-1 (as OX reads its
 * `.properties` files) unless the reader asks for UTF-8 (YAML).
 */
export interface WorkspaceHost {
  readDirectory(uri: string): Promise<DirEntry[]>;
  readFile(uri: string, encoding?: 'latin1' | 'utf8'): Promise<string>;
  /** A canonical identity of a folder (its real path), to stop at symlink loops; undefined when unknown. */
  realPath?(uri: string): Promise<string | undefined>;
}
