// The Include and IncludeOptional lines of the httpd files: which files of the workspace they name, found
// through the host as httpd finds them (relative to ServerRoot, wildcards, folders read whole).
import { ApacheDirective, ApacheNode } from '../parser/apache/apacheConfig';
import { ApacheDocument, hasConfEnding, IncludedFiles } from '../model/apache/apacheDocument';
import { SyntaxProblem } from '../model/document';
import { globToRegExp } from '../util/glob';
import { baseName, joinUri, parentUri } from '../util/uris';
import { DirEntry, WorkspaceHost } from './host';

/** How many files deep includes are followed from a file that discovery found. */
export const MAX_INCLUDE_DEPTH = 8;

/** Folders a copied httpd configuration keeps its ServerRoot in (/etc/apache2, /etc/httpd). */
const SERVER_ROOTS = new Set(['apache', 'apache2', 'httpd']);

export interface ResolvedInclude {
  readonly directive: ApacheDirective;
  readonly optional: boolean;
  /** The httpd files it names (`.conf` endings only: the others hold no balancers), in the order httpd reads them. */
  readonly files: readonly string[];
  /** Nothing is there where the workspace would hold it; false when the place is outside the workspace (unknowable). */
  readonly missing: boolean;
}

/** The Include and IncludeOptional lines of a file, in any section, whose path no template fills in. */
export function includeDirectives(nodes: readonly ApacheNode[]): ApacheDirective[] {
  const out: ApacheDirective[] = [];
  for (const node of nodes) {
    if (node.kind === 'section') out.push(...includeDirectives(node.children));
    else if (/^include(optional)?$/i.test(node.name) && node.args[0] && !node.args[0].unknown) out.push(node);
  }
  return out;
}

/** A key of a file's include lines: the same lines resolve the same way. */
export function includeKey(doc: ApacheDocument): string {
  return includeDirectives(doc.config.nodes)
    .map((d) => `${d.name.toLowerCase()} ${d.args[0].text}`)
    .join('\n');
}

const WILDCARD = /[*?[]/;

/** The nearest folder above `uri` that is a ServerRoot by its name. */
function serverRootOf(uri: string): string | undefined {
  for (let dir = parentUri(uri); ;) {
    if (SERVER_ROOTS.has(baseName(dir).toLowerCase())) return dir;
    const up = parentUri(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function pathSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

/** The path of a `file://` URI, decoded; undefined for another URI. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  try {
    return decodeURIComponent(uri.slice('file://'.length));
  } catch {
    return undefined;
  }
}

interface Place {
  base: string;
  segments: string[];
  /** Whether the workspace can tell that nothing is there: httpd would look there too. */
  knowable: boolean;
}

/** The places a path may name inside the workspace roots. */
function places(uri: string, path: string, roots: readonly string[]): Place[] {
  const root = serverRootOf(uri);
  const inside = (dir: string) => roots.some((r) => dir === r || dir.startsWith(r.endsWith('/') ? r : `${r}/`));
  if (path.startsWith('/')) {
    const out: Place[] = [];
    // The path itself, when a root holds it.
    for (const r of roots) {
      const rootPath = pathOf(r)?.replace(/\/$/, '');
      if (rootPath !== undefined && path.startsWith(`${rootPath}/`)) {
        out.push({ base: r, segments: pathSegments(path.slice(rootPath.length)), knowable: true });
        break;
      }
    }
    // /etc/apache2/conf.d/x.conf in a copy of the configuration: below the copy's apache2/ folder.
    const segments = pathSegments(path);
    const at = segments.findIndex((s) => SERVER_ROOTS.has(s.toLowerCase()));
    if (root && inside(root) && at >= 0 && segments[at].toLowerCase() === baseName(root).toLowerCase()) {
      out.push({ base: root, segments: segments.slice(at + 1), knowable: true });
    }
    return out;
  }
  // Relative: beside the file (as templates and examples keep them), then below ServerRoot as httpd reads it.
  const beside = parentUri(uri);
  const out: Place[] = [{ base: beside, segments: pathSegments(path), knowable: root === beside }];
  if (root && root !== beside) out.push({ base: root, segments: pathSegments(path), knowable: true });
  return out.filter((p) => inside(p.base));
}

/** A file system walk that answers each folder once (symlink loops end there). */
class Walker {
  private readonly seen = new Set<string>();
  constructor(private readonly host: WorkspaceHost) {}

  async list(dir: string): Promise<DirEntry[] | undefined> {
    try {
      const entries = await this.host.readDirectory(dir);
      return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return undefined;
    }
  }

  /** Every file below a folder, in httpd's order. */
  async allFiles(dir: string): Promise<string[]> {
    const real = (this.host.realPath ? await this.host.realPath(dir) : undefined) ?? dir;
    if (this.seen.has(real)) return [];
    this.seen.add(real);
    const out: string[] = [];
    for (const entry of (await this.list(dir)) ?? []) {
      const uri = joinUri(dir, entry.name);
      if (entry.kind === 'directory') out.push(...(await this.allFiles(uri)));
      else if (entry.kind === 'file') out.push(uri);
    }
    return out;
  }

  /** The files a path names below `dir`; undefined when nothing is there. */
  async expand(dir: string, segments: readonly string[]): Promise<string[] | undefined> {
    if (!segments.length) return this.allFiles(dir);
    const [segment, ...rest] = segments;
    if (segment === '..') return this.expand(parentUri(dir), rest);
    const entries = await this.list(dir);
    if (!entries) return undefined;
    const pattern = WILDCARD.test(segment) ? globToRegExp(segment) : undefined;
    let found: string[] | undefined;
    for (const entry of entries) {
      if (pattern ? !pattern.test(entry.name) : entry.name !== segment) continue;
      const uri = joinUri(dir, entry.name);
      const got = entry.kind === 'directory' ? await this.expand(uri, rest) : entry.kind === 'file' && !rest.length ? [uri] : undefined;
      if (got) found = [...(found ?? []), ...got];
    }
    return found;
  }
}

/** Resolves a file's include lines; only places inside the workspace roots are looked at. */
export async function resolveIncludes(host: WorkspaceHost, doc: ApacheDocument, roots: readonly string[]): Promise<ResolvedInclude[]> {
  const inside = (uri: string) => roots.some((r) => uri.startsWith(r.endsWith('/') ? r : `${r}/`));
  const out: ResolvedInclude[] = [];
  for (const directive of includeDirectives(doc.config.nodes)) {
    const walker = new Walker(host);
    const optional = directive.name.toLowerCase() === 'includeoptional';
    const tried = places(doc.uri, directive.args[0].text, roots);
    let files: string[] | undefined;
    for (const place of tried) {
      files = await walker.expand(place.base, place.segments);
      if (files) break;
    }
    const named = (files ?? []).filter((f) => inside(f) && hasConfEnding(f) && f !== doc.uri);
    out.push({ directive, optional, files: named, missing: !files && !optional && tried.some((p) => p.knowable) });
  }
  return out;
}

/**
 * The information an Include whose files are missing gets on its line. `resolved` may come from an earlier
 * text of the file with the same include lines (see includeKey): each line takes the answer of its place.
 */
export function missingIncludeProblems(doc: ApacheDocument, resolved: readonly ResolvedInclude[]): SyntaxProblem[] {
  const directives = includeDirectives(doc.config.nodes);
  return directives
    .filter((_, i) => resolved[i]?.missing)
    .map((directive) => ({
      start: directive.nameSpan.start,
      end: directive.args[directive.args.length - 1].end,
      code: 'apache-include-missing',
      message: `Nothing in the workspace matches "${directive.args[0].text}": httpd refuses to start when an Include finds no file (IncludeOptional would skip it), unless the server holds files this copy lacks.`,
      uncertain: true,
    }));
}

/** The files each include line of a file names, from `resolved` as missingIncludeProblems takes it (line by line). */
export function includedFiles(doc: ApacheDocument, resolved: readonly ResolvedInclude[]): IncludedFiles[] {
  return includeDirectives(doc.config.nodes).flatMap((directive, i) => {
    const files = resolved[i]?.files ?? [];
    return files.length ? [{ directive, files }] : [];
  });
}
