import { unicodeEscape } from '../parser/latin1';
import { SECRET_MASK } from '../values/redact';
import { EffectiveNodeReport, EffectiveNodeVersion, EffectiveSetting } from './effectiveConfiguration';
import { baseName, parentUri, relativeUri } from '../util/uris';

// The effective configuration as a readable document; computing it is effectiveConfiguration.ts's job.

const MAX_KEY_WIDTH = 72;
const MAX_LINE_WIDTH = 110;

function displayValue(value: string | null): string {
  if (value === null) return '(no default)';
  if (value === '') return '(empty)';
  return value.replace(/[\x00-\x1f\x7f]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f' };
    return named[c] ?? unicodeEscape(c.charCodeAt(0));
  });
}

function displaySource(setting: EffectiveSetting): string {
  const source = setting.source;
  if (source === 'default') return 'default';
  if (source === 'chart') return 'set by the chart';
  const also = (setting.candidates ?? []).filter((c) => c.file !== source.file || c.line !== source.line);
  const here = `${source.file}:${source.line}`;
  if (!also.length) return here;
  return `${here}; also set in ${also.map((c) => `${c.file}:${c.line} = ${displayValue(c.value)}`).join(', ')}`;
}

function alignedLines(settings: readonly EffectiveSetting[]): string[] {
  const keyWidth = Math.min(MAX_KEY_WIDTH, Math.max(0, ...settings.map((s) => s.key.length)));
  const left = settings.map((s) => `${s.key.padEnd(keyWidth)} = ${displayValue(s.value)}`);
  const leftWidth = Math.min(MAX_LINE_WIDTH, Math.max(0, ...left.map((l) => l.length)));
  return settings.map((s, i) => `${left[i].padEnd(leftWidth)}   (${displaySource(s)})`);
}

function fence(lines: readonly string[]): string[] {
  return ['```text', ...lines, '```'];
}

function differenceLines(report: EffectiveNodeReport): string[] {
  const lines: string[] = [];
  const add = (prefix: string, setting: EffectiveSetting) => {
    if (!setting.differsInCluster?.length) return;
    const rows = [{ node: `${report.node} (this node)`, value: setting.value }, ...setting.differsInCluster];
    const width = Math.max(...rows.map((r) => r.node.length));
    lines.push(`${prefix}${setting.key}`, ...rows.map((r) => `  ${r.node.padEnd(width)} = ${displayValue(r.value)}`));
  };
  for (const s of report.settings) add('', s);
  for (const map of report.maps) for (const s of map.settings) add(`${map.file}: `, s);
  return lines;
}

/** A file beside the node as the node folder sees it (`packages.txt`, `../packages.txt`), else its URI. */
function besideNode(nodeUri: string, file: string): string {
  if (parentUri(file) === nodeUri) return baseName(file);
  if (parentUri(file) === parentUri(nodeUri)) return `../${baseName(file)}`;
  return file;
}

/** A node type's lines: the version with its values file relative to the release's folder; images have no package list. */
function nodeTypeVersionLines(nodeUri: string, ox: EffectiveNodeVersion): string[] {
  const where = ox.from ? `${ox.detail} in ${relativeUri(parentUri(nodeUri), ox.from)}` : `the setting ${ox.detail}`;
  return [
    ox.version === null
      ? '- OX version: unknown (no explicit image.tag in the values, no oxVersion in .oxclusterconfig.json, no oxClusterConfig.oxVersion setting)'
      : `- OX version: ${ox.version}, from ${where}`,
  ];
}

function versionLines(nodeUri: string, ox: EffectiveNodeVersion): string[] {
  if (ox.kubernetes) return nodeTypeVersionLines(nodeUri, ox);
  const where = ox.from ? `${ox.detail} in ${besideNode(nodeUri, ox.from)}` : `the setting ${ox.detail}`;
  return [
    ox.version === null
      ? '- OX version: unknown (no open-xchange-core in a package list, no oxVersion in .oxclusterconfig.json, no oxClusterConfig.oxVersion setting)'
      : `- OX version: ${ox.version}, from ${where}`,
    ox.packageList === null
      ? '- Installed open-xchange packages: unknown (no package list)'
      : `- Installed open-xchange packages: ${ox.installedPackages} (${besideNode(nodeUri, ox.packageList)})`,
  ];
}

/** A readable (Markdown) document of the effective configuration: one section per node. */
export function renderEffectiveConfiguration(reports: EffectiveNodeReport | readonly EffectiveNodeReport[]): string {
  const list: readonly EffectiveNodeReport[] = Array.isArray(reports) ? reports : [reports as EffectiveNodeReport];
  const out: string[] = ['# Effective configuration', ''];
  out.push(
    'Values as OX reads them: a key set in any .properties file of the node counts; "default" means no file sets it.',
    list.some((r) => !r.secretsMasked) ? 'Secret values are shown in clear text.' : `Secret values are masked as ${SECRET_MASK}.`,
    '',
  );
  if (!list.length) out.push('No OX node found.', '');
  for (const report of list) {
    out.push(`## ${report.node}${report.cluster ? ` (cluster ${report.cluster})` : ''}`, '', report.uri, '');
    out.push(...versionLines(report.uri, report.ox), '');
    out.push(...fence(report.settings.length ? alignedLines(report.settings) : ['(no settings)']), '');
    for (const map of report.maps) {
      out.push(`### ${map.file} (map "${map.mapName}")`, '', ...fence(alignedLines(map.settings)), '');
    }
    out.push('### Differences in the cluster', '');
    const differences = differenceLines(report);
    if (differences.length) out.push(...fence(differences));
    else if (report.cluster === null) out.push('The node belongs to no cluster.');
    else out.push('None: the other nodes of the cluster read the same values (or there are no other nodes).');
    out.push('');
  }
  return out.join('\n');
}

function shownFiles(ox: EffectiveNodeVersion, folderOf: (uri: string) => string): EffectiveNodeVersion {
  return { ...ox, from: ox.from && folderOf(ox.from), packageList: ox.packageList && folderOf(ox.packageList) };
}

/** The reports as the CLI prints them: JSON, each node's folder as `folderOf` shows its URI. */
export function renderEffectiveJson(reports: readonly EffectiveNodeReport[], folderOf: (uri: string) => string): string {
  const shown = reports.map((r) => ({
    node: r.node,
    folder: folderOf(r.uri),
    cluster: r.cluster,
    ox: shownFiles(r.ox, folderOf),
    settings: r.settings,
    maps: r.maps,
  }));
  return `${JSON.stringify(shown, null, 2)}\n`;
}
