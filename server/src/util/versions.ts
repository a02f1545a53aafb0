// Version numbers: chart versions (`6.20.2`) and OX versions as packages, images and admins write them.

/** Compares dotted version numbers numerically (`6.0.1` < `6.20.2`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * An OX version such as `7.10.6` or `8.19`: the upstream part of a package version (`7.10.6-35`,
 * `7.10.6-35_1.1`), an image tag (`8.46.71@sha256:…`) or OX's product name (`v7.10.6-rev35`).
 */
export interface OxVersion {
  readonly major: number;
  readonly minor: number;
  /** Undefined when only major.minor was given (`8.19`). */
  readonly patch?: number;
}

const OX_VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?(?=$|[-_+@~])/;

/** Reads an OX version; undefined for anything else (`latest`, `8`, a range such as `>=8.0`). */
export function parseOxVersion(text: string): OxVersion | undefined {
  const match = OX_VERSION.exec(text.trim());
  if (!match) return undefined;
  const [, major, minor, patch] = match;
  return { major: Number(major), minor: Number(minor), ...(patch !== undefined ? { patch: Number(patch) } : {}) };
}

/** Orders OX versions; a missing patch counts as 0 (`8.19` equals `8.19.0`). */
export function compareOxVersions(a: OxVersion, b: OxVersion): number {
  return a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
}

/** `7.10.6`, or `8.19` when no patch is known. */
export function formatOxVersion(version: OxVersion): string {
  return version.patch === undefined ? `${version.major}.${version.minor}` : `${version.major}.${version.minor}.${version.patch}`;
}

/** Whether `version` is `bound` or later; `bound` is written as in the catalog (`7.10.5`). */
export function isAtLeast(version: OxVersion, bound: string): boolean {
  const parsed = parseOxVersion(bound);
  if (!parsed) throw new Error(`not an OX version: ${bound}`);
  return compareOxVersions(version, parsed) >= 0;
}
