/** What reading a JSON file gave; `reason` is the host's own words (Node: an error code such as ENOENT). */
export type JsonRead =
  | { kind: 'data'; data: unknown }
  | { kind: 'missing'; reason: string }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'not-json'; reason: string };

/**
 * File access of the configuration resolver: the file system in the server and the CLI, memory in tests.
 * Folders and files are the host's paths; the resolver only passes them back.
 */
export interface ConfigHost {
  /** The file `entry` names: absolute, or relative to `folder`. */
  resolvePath(folder: string, entry: string): string;
  /** Whether `file` is `folder` or lies below it. */
  isInside(folder: string, file: string): boolean;
  /** The folder (or file) as a URI (the node folders a configuration file declares are relative to it). */
  folderUri(folder: string): string;
  /** Whether `file` exists and is a file (not a folder). */
  isFile(file: string): Promise<boolean>;
  /** Reads a file as JSON data (never as code). */
  readJson(file: string): Promise<JsonRead>;
}
