// Reads the installed-packages list an admin exports on a classic node (dpkg-query or rpm output).
// Pure: text in, packages and problems out; finding and reading the file is the workspace's job.

/** A package the list shows as installed. */
export interface InstalledPackage {
  name: string;
  /** The upstream part of the version, which for OX packages is the OX version (`7.10.6` of `7.10.6-35`). */
  version: string;
  /** The version as written, revision or release included (`7.10.6-35`, `7.10.6-35_1.1`). */
  raw: string;
  /** The architecture of a plain `rpm -qa` line (`noarch`), when it names one. */
  arch?: string;
  /** 1-based line in the list. */
  line: number;
}

/** A name the list shows without an installed version: not installed, removed (`rc`) or only referenced (`un`). */
export interface ListedPackage {
  name: string;
  /** The dpkg status abbreviation (`un`, `rc`), when the list has a status column. */
  status?: string;
  line: number;
}

export interface PackageListProblem {
  line: number;
  message: string;
}

export interface PackageList {
  /** In list order; a name listed again is kept once (the first). */
  installed: InstalledPackage[];
  notInstalled: ListedPackage[];
  /** Lines that are no package line of a known format. */
  problems: PackageListProblem[];
}

/** The name of the package whose version is the node's OX version. */
export const OX_CORE_PACKAGE = 'open-xchange-core';

/** `${db:Status-Abbrev}`: desired action, package status, and an optional error flag (dpkg-query(1)). */
const DPKG_STATUS = /^[uihrp][ncHUFWti]R?$/;
/** Package states that leave no installed package: `n` not installed, `c` config files only. */
const NOT_INSTALLED_STATES = new Set(['n', 'c']);
/** Debian and RPM package names (RPM allows capitals and `_`). */
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9+._-]*$/;
/** A version as dpkg and rpm print one: it starts with a digit (an epoch is digits too). */
const VERSION = /^\d[A-Za-z0-9.+~:_^-]*$/;
/** An RPM VERSION in a plain `rpm -qa` line: dotted, so that number groups of a name (`-780-782`) are not taken for one. */
const RPM_VERSION = /^\d+(?:\.[A-Za-z0-9+~^_]+)+$/;
const RPM_RELEASE = /^[A-Za-z0-9+~^_.]+$/;
const RPM_ARCHES = new Set(['noarch', 'x86_64', 'i386', 'i486', 'i586', 'i686', 'aarch64', 'armv7hl', 'ppc64', 'ppc64le', 's390x', 'src']);

const FORMATS = '"name version", dpkg-query\'s "status name version" or "name<TAB>version", or rpm -qa\'s "name-version-release[.arch]"';

/** The upstream part of a Debian or RPM version: without epoch (`1:`) and without the revision after the last `-`. */
export function upstreamVersion(raw: string): string {
  const noEpoch = raw.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  return dash > 0 ? noEpoch.slice(0, dash) : noEpoch;
}

/** A plain `rpm -qa` entry, split from the right: `name-version-release[.arch]`; undefined when it is none. */
export function splitRpmName(entry: string): { name: string; version: string; release: string; arch?: string } | undefined {
  let rest = entry;
  let arch: string | undefined;
  const dot = rest.lastIndexOf('.');
  if (dot > 0 && RPM_ARCHES.has(rest.slice(dot + 1))) {
    arch = rest.slice(dot + 1);
    rest = rest.slice(0, dot);
  }
  const releaseDash = rest.lastIndexOf('-');
  if (releaseDash <= 0) return undefined;
  const versionDash = rest.lastIndexOf('-', releaseDash - 1);
  if (versionDash <= 0) return undefined;
  const name = rest.slice(0, versionDash);
  const version = rest.slice(versionDash + 1, releaseDash);
  const release = rest.slice(releaseDash + 1);
  if (!PACKAGE_NAME.test(name) || !RPM_VERSION.test(version) || !RPM_RELEASE.test(release)) return undefined;
  return { name, version, release, ...(arch ? { arch } : {}) };
}

type LineRead =
  | { kind: 'installed'; name: string; raw: string; version: string; arch?: string }
  | { kind: 'not-installed'; name: string; status?: string }
  | { kind: 'problem'; message: string };

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** One name and version column pair (the version may be empty: a package that is not installed). */
function namedVersion(name: string, raw: string, status?: string): LineRead {
  if (!PACKAGE_NAME.test(name)) return { kind: 'problem', message: `${quoted(name)} is no package name` };
  const notInstalled = status !== undefined && NOT_INSTALLED_STATES.has(status[1]);
  if (raw === '' || notInstalled) return { kind: 'not-installed', name, ...(status !== undefined ? { status } : {}) };
  if (!VERSION.test(raw)) return { kind: 'problem', message: `${quoted(raw)} is no package version (of ${name})` };
  return { kind: 'installed', name, raw, version: upstreamVersion(raw) };
}

function readLine(line: string): LineRead {
  const fields = line.trim().split(/[ \t]+/);
  if (fields.length >= 2 && fields.length <= 3 && DPKG_STATUS.test(fields[0])) return namedVersion(fields[1], fields[2] ?? '', fields[0]);
  if (fields.length === 2) return namedVersion(fields[0], fields[1]);
  if (fields.length === 1) {
    // A name followed by a separator is dpkg-query output with an empty version; without one it may be rpm -qa.
    if (/[ \t]$/.test(line)) return namedVersion(fields[0], '');
    const rpm = splitRpmName(fields[0]);
    if (rpm) {
      const raw = `${rpm.version}-${rpm.release}`;
      return { kind: 'installed', name: rpm.name, raw, version: rpm.version, ...(rpm.arch ? { arch: rpm.arch } : {}) };
    }
    // dpkg-query output whose trailing separator an editor removed.
    if (PACKAGE_NAME.test(fields[0])) return namedVersion(fields[0], '');
  }
  return { kind: 'problem', message: `cannot read ${quoted(line.trim())}: expected ${FORMATS}` };
}

/**
 * Reads a package list: the output of `dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Version}\n'`,
 * plain `dpkg-query -W`, `rpm -qa` or `rpm -qa --qf '%{NAME} %{VERSION}-%{RELEASE}\n'`, or plain
 * `name version` pairs, detected line by line. Blank lines and `#` comments are skipped.
 */
export function readPackageList(text: string): PackageList {
  const installed: InstalledPackage[] = [];
  const notInstalled: ListedPackage[] = [];
  const problems: PackageListProblem[] = [];
  const seen = new Map<string, InstalledPackage>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const read = readLine(i === 0 ? raw.replace(/^\uFEFF/, '') : raw);
    if (read.kind === 'problem') problems.push({ line, message: read.message });
    else if (read.kind === 'not-installed') notInstalled.push({ name: read.name, ...(read.status ? { status: read.status } : {}), line });
    else {
      const first = seen.get(read.name);
      if (first) {
        if (first.raw !== read.raw)
          problems.push({
            line,
            message: `${read.name} is listed again with version ${read.raw} (line ${first.line}: ${first.raw}); the first counts`,
          });
        return;
      }
      const entry: InstalledPackage = {
        name: read.name,
        version: read.version,
        raw: read.raw,
        ...(read.arch ? { arch: read.arch } : {}),
        line,
      };
      seen.set(read.name, entry);
      installed.push(entry);
    }
  });
  return { installed, notInstalled, problems };
}
