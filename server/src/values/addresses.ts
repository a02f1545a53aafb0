// Addresses, host names, ports and the comma-separated lists of them that Hazelcast settings hold.

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const IPV4_PART_ONLY = new RegExp(`^${IPV4_PART}$`);
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/i;

/** The entries of a comma-separated list, trimmed; empty entries (stray commas) stay. */
export function listEntries(text: string): string[] {
  return text.split(',').map((s) => s.trim());
}

/** The entries of a comma-separated list, trimmed, without empty ones. */
export function addressList(text: string): string[] {
  return listEntries(text).filter(Boolean);
}

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** An IPv6 address, optionally in brackets and with a zone (`%eth0`); the last 32 bits may be written as IPv4. */
export function isIpv6(text: string): boolean {
  let bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  bare = bare.replace(/%[\w.]+$/, '');
  const halves = bare.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  let count = all.length;
  if (all.length && IPV4.test(all[all.length - 1])) {
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIpAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

/** A host name or an IP address. */
export function isHost(text: string): boolean {
  return isIpAddress(text) || HOST_NAME.test(text);
}

/** 127.x.x.x, `localhost` or `::1`. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** An IPv4 address in 127.0.0.0/8. */
export function isIpv4Loopback(address: string): boolean {
  return isIpv4(address) && address.startsWith('127.');
}

/** Given an IP address: whether it is an IPv4 address in 224.0.0.0/4 or an IPv6 address in ff00::/8. */
export function isMulticastGroup(value: string): boolean {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(value)) {
    const first = Number(value.split('.')[0]);
    return first >= 224 && first <= 239;
  }
  return /^\[?ff/i.test(value);
}

/** A port number 1-65535, as Integer.parseInt reads it (a leading sign is allowed). */
export function isPort(text: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = Number(text);
  return n >= 1 && n <= 65535;
}

/** `host`, `host:port`, an IPv6 address, or `[ipv6]:port`. */
export function isHostWithPort(entry: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return isIpv6(bracketed[1]) && (bracketed[2] === undefined || isPort(bracketed[2]));
  if (isIpv6(entry)) return true;
  const colon = entry.lastIndexOf(':');
  if (colon < 0) return isHost(entry);
  return isHost(entry.slice(0, colon)) && isPort(entry.slice(colon + 1));
}

/** The host of a `host[:port]` entry: the bracketed part of `[ipv6]:port`, and an unbracketed IPv6 address whole. */
export function hostOf(entry: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(entry);
  if (bracketed) return bracketed[1];
  return (entry.match(/:/g) ?? []).length === 1 ? entry.slice(0, entry.indexOf(':')) : entry;
}

/** The hosts of a static node list (`host[:port], ...`), without ports. */
export function staticHosts(list: string): string[] {
  return addressList(list).map(hostOf);
}

/** `10.0.0.*`, `10.0.0.1-9`, `10.0.*.10-20`: one IPv4 address whose parts may be `*` or a range; or an IPv6 address. */
export function isInterfacePattern(text: string): boolean {
  if (isIpv6(text)) return true;
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => {
    if (p === '*') return true;
    const range = /^(\d{1,3})-(\d{1,3})$/.exec(p);
    if (range) return Number(range[1]) <= Number(range[2]) && Number(range[2]) <= 255;
    return IPV4_PART_ONLY.test(p);
  });
}

/** An IP address, a CIDR block (`10.0.0.0/8`) or a range of addresses (`10.0.0.1-10.0.0.9`). */
export function isIpListEntry(entry: string): boolean {
  const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
  if (cidr) return isIpAddress(cidr[1]) && Number(cidr[2]) <= (isIpv4(cidr[1]) ? 32 : 128);
  const dash = entry.indexOf('-');
  if (dash > 0) return isIpAddress(entry.slice(0, dash).trim()) && isIpAddress(entry.slice(dash + 1).trim());
  return isIpAddress(entry);
}

/** A port or a port range (`5701-5710`). */
export function isPortListEntry(entry: string): boolean {
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(entry);
  if (range) return isPort(range[1]) && isPort(range[2]) && Number(range[1]) <= Number(range[2]);
  return isPort(entry);
}

/** An interface wildcard covering every IPv4 address given, e.g. `10.0.0.*`; undefined when none fits. */
export function wildcardFor(hosts: readonly string[]): string | undefined {
  const parts = hosts.map((h) => h.split('.'));
  if (!parts.length || parts.some((p) => p.length !== 4 || p.some((x) => !/^\d{1,3}$/.test(x)))) return undefined;
  let shared = 0;
  while (shared < 3 && parts.every((p) => p[shared] === parts[0][shared])) shared++;
  if (shared < 2) return undefined;
  return [...parts[0].slice(0, shared), ...Array(4 - shared).fill('*')].join('.');
}
