// Minimal glob matching for include/exclude settings: `**`, `*`, `?` and `{a,b}`, on `/`-separated paths.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let out = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, including none.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      inBraces = true;
      out += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === ',' && inBraces) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${out}$`);
  cache.set(glob, regex);
  return regex;
}

/** Whether a relative path matches a glob; a glob without `/` also matches any single path segment. */
export function matchesGlob(relativePath: string, glob: string): boolean {
  if (globToRegExp(glob).test(relativePath)) return true;
  if (!glob.includes('/')) return relativePath.split('/').some((segment) => globToRegExp(glob).test(segment));
  return false;
}
