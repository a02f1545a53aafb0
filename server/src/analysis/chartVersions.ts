// The core-mw chart version of a values file from the Chart.yaml in its folder, read through the host.
import { parse } from 'yaml';
import { CORE_MW_CHART } from '../catalog/chartFacts';
import { baseName, joinUri, parentUri } from '../util/uris';
import { WorkspaceHost } from './host';

export const CHART_FILE_NAME = 'Chart.yaml';

export function isChartFile(uri: string): boolean {
  return baseName(uri) === CHART_FILE_NAME;
}

/** An exact chart version (`6.20.2`); a range such as `^6.20.0` or `6.x` names no one version. */
const EXACT_VERSION = /^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$/;

/**
 * The core-mw chart version a Chart.yaml text names: its `version` when its `name` is core-mw, else the
 * exact version of a `core-mw` entry under `dependencies` (a stack or umbrella chart that pulls it in).
 */
export function coreMwChartVersion(text: string): string | undefined {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const { name, version, dependencies } = data as { name?: unknown; version?: unknown; dependencies?: unknown };
  if (name === CORE_MW_CHART) return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
  if (!Array.isArray(dependencies)) return undefined;
  for (const dependency of dependencies as unknown[]) {
    if (!dependency || typeof dependency !== 'object') continue;
    const entry = dependency as { name?: unknown; version?: unknown };
    if (entry.name === CORE_MW_CHART && typeof entry.version === 'string' && EXACT_VERSION.test(entry.version.trim())) {
      return entry.version.trim();
    }
  }
  return undefined;
}

/** Chart versions per folder, read once each; a folder without a core-mw Chart.yaml has none. */
export class ChartVersions {
  private readonly byFolder = new Map<string, string | undefined>();

  constructor(private readonly host: WorkspaceHost) {}

  /** The version for a file in a folder already read; undefined when unknown. */
  of(uri: string): string | undefined {
    return this.byFolder.get(parentUri(uri));
  }

  /** Whether the Chart.yaml of the folder was read (found or not). */
  isRead(folder: string): boolean {
    return this.byFolder.has(folder);
  }

  /** Reads the Chart.yaml of each folder not read yet. */
  async read(folders: Iterable<string>): Promise<void> {
    for (const folder of new Set(folders)) if (!this.byFolder.has(folder)) this.byFolder.set(folder, await this.readFolder(folder));
  }

  /** Reads a Chart.yaml again after a file event; true when the version of its folder changed. */
  async reread(chartUri: string): Promise<boolean> {
    const folder = parentUri(chartUri);
    const before = this.byFolder.get(folder);
    const known = this.byFolder.has(folder);
    const now = await this.readFolder(folder);
    this.byFolder.set(folder, now);
    return known && now !== before;
  }

  clear(): void {
    this.byFolder.clear();
  }

  private async readFolder(folder: string): Promise<string | undefined> {
    try {
      return coreMwChartVersion(await this.host.readFile(joinUri(folder, CHART_FILE_NAME), 'utf8'));
    } catch {
      return undefined;
    }
  }
}
