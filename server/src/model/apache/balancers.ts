// The mod_proxy_balancer balancers of an httpd configuration: their members with routes, hosts and status,
// and the balancer parameters (stickysession …) wherever httpd takes them from.
import { ApacheArg, ApacheConfig, ApacheDirective, ApacheNode, ApacheSection } from '../../parser/apache/apacheConfig';
import { Span } from '../../parser/types';

/** A `key=value` parameter of a member or a balancer. */
export interface BalancerParam {
  /** As httpd reads it: the text after the first `=` (quotes inside a word stay part of it). */
  readonly value: string;
  /** The whole `key=value` word, and the value part of it. */
  readonly span: Span;
  readonly valueSpan: Span;
  /** A template or a variable fills it in. */
  readonly unknown: boolean;
}

export interface BalancerMember {
  /** The balancer's name as httpd looks it up: lower case, without a path. */
  readonly balancer: string;
  readonly url: ApacheArg;
  readonly scheme?: string;
  /** Host and port of the URL when known (not filled in by a template). */
  readonly host?: string;
  readonly port?: number;
  /** Parameters by lower-case key. */
  readonly params: ReadonlyMap<string, BalancerParam>;
  readonly directive: ApacheDirective;
  /** The member's status flags as httpd sets them at start (`status=+D`): letters set, upper case. */
  readonly status: ReadonlySet<string>;
}

/** Where httpd takes a balancer parameter from. */
export type ParamSource = 'section' | 'proxyset' | 'proxypass';

export interface Balancer {
  /** Lower case, without a path (`balancer://OXcluster/x` is `oxcluster`). */
  readonly name: string;
  /** Its `<Proxy balancer://…>` block, where a ProxySet line belongs; undefined when only directives name it. */
  readonly section?: ApacheSection;
  /** Where the balancer is first named; the opening tag of its `<Proxy>` block when that is in another file. */
  readonly span: Span;
  readonly members: readonly BalancerMember[];
  /** Balancer parameters by lower-case key; a later setting wins, as in httpd. */
  readonly params: ReadonlyMap<string, BalancerParam & { source: ParamSource; directive: ApacheNode }>;
  /** The request paths that ProxyPass sends to it (`/ajax`, `/servlet/dav`), where they are known. */
  readonly paths: readonly string[];
  /** The backend paths those requests go to: what follows `balancer://name` in each ProxyPass (`/servlet/dav/`). */
  readonly targets: readonly string[];
}

const BALANCER_URL = /^balancer:\/\/([^/]*)/i;

/** The balancer a `balancer://name/path` URL names, as httpd looks it up; undefined for another URL. */
export function balancerName(url: string): string | undefined {
  const match = BALANCER_URL.exec(url);
  return match ? match[1].toLowerCase() : undefined;
}

/** `key=value` words: split at the first `=`, the key case-insensitive. */
export function paramsOf(args: readonly ApacheArg[]): Map<string, BalancerParam> {
  const params = new Map<string, BalancerParam>();
  for (const arg of args) {
    const eq = arg.text.indexOf('=');
    if (eq <= 0) continue;
    // The value's span: in the source the key is written as is, so the value starts after key and `=`.
    const offset = arg.quoted ? 1 : 0;
    const valueStart = arg.start + offset + eq + 1;
    params.set(arg.text.slice(0, eq).toLowerCase(), {
      value: arg.text.slice(eq + 1),
      span: { start: arg.start, end: arg.end },
      valueSpan: { start: Math.min(valueStart, arg.end), end: Math.max(Math.min(valueStart, arg.end), arg.end - offset) },
      unknown: arg.unknown,
    });
  }
  return params;
}

/** The flags `status=` sets: letters with an optional `+` (set) or `-` (clear) before each. */
function statusFlags(value: string | undefined): Set<string> {
  const flags = new Set<string>();
  if (!value) return flags;
  let set = true;
  for (const c of value) {
    if (c === '+') set = true;
    else if (c === '-') set = false;
    else {
      if (set) flags.add(c.toUpperCase());
      else flags.delete(c.toUpperCase());
      set = true;
    }
  }
  return flags;
}

const URL = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i;
const DEFAULT_PORTS: Record<string, number> = { http: 80, ws: 80, https: 443, wss: 443, ajp: 8009 };

function member(balancer: string, url: ApacheArg, args: readonly ApacheArg[], directive: ApacheDirective): BalancerMember {
  const params = paramsOf(args);
  const match = url.unknown ? null : URL.exec(url.text);
  const scheme = match?.[1].toLowerCase();
  const port = match?.[3] ? Number(match[3]) : scheme ? DEFAULT_PORTS[scheme] : undefined;
  return {
    balancer,
    url,
    ...(scheme ? { scheme } : {}),
    ...(match && match[2] ? { host: match[2].toLowerCase() } : {}),
    ...(port !== undefined ? { port } : {}),
    params,
    directive,
    status: statusFlags(params.get('status')?.value),
  };
}

const lower = (n: ApacheNode) => n.name.toLowerCase();

/** Every balancer of a configuration, in the order they are first named. */
export function findBalancers(config: ApacheConfig): Balancer[] {
  return findBalancersInTree(
    [config],
    (c) => c,
    () => [],
  ).map((b) => b.balancer);
}

/** A balancer found across the files of an include tree, with where its parts are. */
export interface TreeBalancer<D> {
  readonly balancer: Balancer;
  /** The file of its `<Proxy>` block, else the file that names it first: the file of its span. */
  readonly file: D;
  /** The files its block, members and parameters are in, in reading order. */
  readonly files: readonly D[];
  /** The file each of its directives and sections is in. */
  readonly fileOf: ReadonlyMap<ApacheNode, D>;
  /** The files read outside any `<Proxy>` or `<Location>` (as httpd reads a file that is included at the top). */
  readonly atTop: ReadonlySet<D>;
}

/**
 * The balancers of an include tree, as httpd reads it: each file's lines in order, an Include's files read in
 * its place and in its section (members of an included file inside `<Proxy balancer://x>` are x's), each
 * file once. `included` answers the files an Include line of a file names.
 */
export function findBalancersInTree<D>(
  roots: readonly D[],
  configOf: (file: D) => ApacheConfig,
  included: (file: D, directive: ApacheDirective) => readonly D[],
): Array<TreeBalancer<D>> {
  interface Builder {
    name: string;
    section?: ApacheSection;
    span: Span;
    file: D;
    files: Set<D>;
    members: BalancerMember[];
    params: Map<string, BalancerParam & { source: ParamSource; directive: ApacheNode }>;
    paths: string[];
    targets: string[];
  }
  const byName = new Map<string, Builder>();
  const fileOf = new Map<ApacheNode, D>();
  const atTop = new Set<D>();
  const read = new Set<D>();
  const get = (name: string, span: Span, node: ApacheNode) => {
    const file = fileOf.get(node)!;
    let b = byName.get(name);
    if (!b) byName.set(name, (b = { name, span, file, files: new Set(), members: [], params: new Map(), paths: [], targets: [] }));
    b.files.add(file);
    return b;
  };
  const setParams = (name: string, args: readonly ApacheArg[], source: ParamSource, directive: ApacheNode, span: Span) => {
    const b = get(name, span, directive);
    for (const [key, param] of paramsOf(args)) b.params.set(key, { ...param, source, directive });
  };

  const readFile = (file: D, proxy: string | undefined, location: string | undefined) => {
    if (read.has(file)) return;
    read.add(file);
    if (proxy === undefined && location === undefined) atTop.add(file);
    walk(file, configOf(file).nodes, proxy, location);
  };
  const walk = (file: D, nodes: readonly ApacheNode[], proxy: string | undefined, location: string | undefined) => {
    for (const node of nodes) {
      fileOf.set(node, file);
      if (node.kind === 'section') {
        const name = lower(node);
        if (name === 'proxy' && node.args[0] && balancerName(node.args[0].text) !== undefined) {
          const balancer = balancerName(node.args[0].text)!;
          const b = get(balancer, node.open, node);
          if (!b.section) {
            b.section = node;
            // Its file is that of its block, and its span is in that file.
            if (b.file !== file) Object.assign(b, { file, span: node.open });
          }
          setParams(balancer, node.args.slice(1), 'section', node, node.open);
          walk(file, node.children, balancer, location);
        } else if (name === 'location' && node.args[0]) {
          walk(file, node.children, proxy, node.args[0].text);
        } else walk(file, node.children, proxy, location);
        continue;
      }
      const name = lower(node);
      if (name === 'balancermember') {
        // Inside <Proxy balancer://x> the balancer URL is left out; outside it comes first.
        const named = node.args[0] && balancerName(node.args[0].text);
        const balancer = named ?? proxy;
        const rest = named !== undefined ? node.args.slice(1) : node.args;
        if (balancer !== undefined && rest[0]) get(balancer, node, node).members.push(member(balancer, rest[0], rest.slice(1), node));
      } else if (name === 'proxyset') {
        const named = node.args[0] && balancerName(node.args[0].text);
        if (named !== undefined) setParams(named, node.args.slice(1), 'proxyset', node, node);
        else if (proxy !== undefined) setParams(proxy, node.args, 'proxyset', node, node);
      } else if (name === 'proxypass') {
        // ProxyPass [path] url [key=value …]; inside <Location> the path is the location's.
        const first = node.args[0];
        const inLocation = location !== undefined && first && balancerName(first.text) !== undefined;
        const path = inLocation ? location : first?.text;
        const target = inLocation ? first : node.args[1];
        const balancer = target && balancerName(target.text);
        if (balancer === undefined || target === undefined) continue;
        const b = get(balancer, node, node);
        if (path && path !== '!') b.paths.push(path);
        b.targets.push(target.text.slice(BALANCER_URL.exec(target.text)![0].length) || '/');
        setParams(balancer, node.args.slice(node.args.indexOf(target) + 1), 'proxypass', node, node);
      } else if (/^include(optional)?$/.test(name)) {
        for (const other of included(file, node)) readFile(other, proxy, location);
      }
    }
  };
  for (const root of roots) readFile(root, undefined, undefined);
  return [...byName.values()].map(({ file, files, ...b }) => ({
    balancer: b,
    file,
    files: [...files],
    fileOf,
    atTop,
  }));
}
