// URI helpers for the core, which identifies files by URI (the hosts map URIs to paths).

export function parentUri(uri: string): string {
  const trimmed = uri.endsWith('/') ? uri.slice(0, -1) : uri;
  const slash = trimmed.lastIndexOf('/');
  return slash > trimmed.indexOf('://') + 2 ? trimmed.slice(0, slash) : trimmed;
}

export function baseName(uri: string): string {
  const trimmed = uri.endsWith('/') ? uri.slice(0, -1) : uri;
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function joinUri(base: string, name: string): string {
  return `${base.endsWith('/') ? base.slice(0, -1) : base}/${encodeURIComponent(name)}`;
}

/** `uri` relative to `base`, with `/` separators; the URI itself when it is not below `base`. */
export function relativeUri(base: string, uri: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!uri.startsWith(prefix)) return uri;
  try {
    return decodeURIComponent(uri.slice(prefix.length));
  } catch {
    return uri.slice(prefix.length);
  }
}
