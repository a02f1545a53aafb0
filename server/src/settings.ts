import { SeverityName } from './rules/rule';
import { parseOxVersion } from './util/versions';
import { DEFAULT_PACKAGE_LIST, isPackageListName } from './analysis/discover';

/** User settings the core reads (the `oxClusterConfig` section, or `.oxclusterconfig.json`). */
export interface Settings {
  /** Severity per rule id; rules not listed use their default. */
  rules: Record<string, SeverityName>;
  inlayHints: boolean;
  /** Files larger than this (in characters, i.e. bytes of ISO-8859-1) get their syntax checked only; unset: no limit. */
  maxFileSize?: number;
  /** `oxVersion`: the OX version of nodes that neither a package list nor `.oxclusterconfig.json` gives one; unset: unknown. */
  oxVersion?: string;
  /** `packageListFile`: the file name of a node's package list, where `.oxclusterconfig.json` names none; unset: `packages.txt`. */
  packageListFile?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = { rules: {}, inlayHints: true };

const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Reads untrusted settings input: unknown severities are dropped, with a message each. */
export function normalizeSettings(input: unknown, problems: string[] = []): Settings {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityName> = {};
  const rawRules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(rawRules)) {
    const name = typeof value === 'string' ? (value.toLowerCase() === 'info' ? 'information' : value.toLowerCase()) : value;
    if (SEVERITY_NAMES.includes(name as SeverityName)) rules[id] = name as SeverityName;
    else problems.push(`Rule "${id}": unknown severity ${JSON.stringify(value)} (use off, hint, information, warning or error).`);
  }
  const hints = raw.inlayHints as { enabled?: unknown } | boolean | undefined;
  const inlayHints = typeof hints === 'boolean' ? hints : typeof hints?.enabled === 'boolean' ? hints.enabled : true;
  const mb = raw.maxFileSize;
  const maxFileSize = typeof mb === 'number' && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_FILE_SIZE;
  const settings: Settings = { rules, inlayHints, maxFileSize };
  // An empty string is the unset default of the editor.
  const version = raw.oxVersion;
  if (version !== undefined && version !== null && version !== '') {
    if (typeof version === 'string' && parseOxVersion(version)) settings.oxVersion = version.trim();
    else problems.push(`oxClusterConfig.oxVersion: ${JSON.stringify(version)} is not an OX version such as "7.10.6" or "8.19"; ignored.`);
  }
  const list = raw.packageListFile;
  if (list !== undefined && list !== null && list !== '' && list !== DEFAULT_PACKAGE_LIST) {
    if (typeof list === 'string' && isPackageListName(list)) settings.packageListFile = list;
    else
      problems.push('oxClusterConfig.packageListFile must be a file name such as "packages.txt" (no folder, no glob characters); ignored.');
  }
  return settings;
}

/** Editor settings win over `.oxclusterconfig.json` only where they differ from a rule's default severity. */
export function mergeRuleSeverities(
  fromFiles: Record<string, SeverityName>,
  fromEditor: Record<string, SeverityName>,
  defaults: ReadonlyMap<string, SeverityName>,
): Record<string, SeverityName> {
  const merged = { ...fromFiles };
  for (const [id, severity] of Object.entries(fromEditor)) if (defaults.get(id) !== severity) merged[id] = severity;
  return merged;
}
