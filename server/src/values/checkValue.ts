import { PropertyDef, ValueType } from '../catalog/types';
import { isHost, isHostWithPort, isInterfacePattern, isIpAddress, isIpListEntry, isPort, isPortListEntry, listEntries } from './addresses';
import { describeDuration, parseTimespan } from './timespan';

/** What OX makes of a value: an error when it rejects or cannot parse it, a misreading when it reads something else. */
export interface ValueVerdict {
  error?: string;
  misread?: string;
}

const OK: ValueVerdict = {};
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

const CLASS_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const ROUTE = /^[^;,\s]+$/;

function parseInteger(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= INT_MIN && n <= INT_MAX ? n : undefined;
}

function checkList(value: string, isValid: (entry: string) => boolean, what: string): ValueVerdict {
  const entries = listEntries(value);
  const bad = entries.filter((e) => e !== '' && !isValid(e));
  if (bad.length) return { error: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not' : 'are not'} ${what}.` };
  if (entries.some((e) => e === '')) return { misread: 'The list has an empty entry (a stray comma); OX skips it.' };
  return OK;
}

const UNIT_WORDS: Record<string, string> = { ms: 'milliseconds', s: 'seconds', MB: 'megabytes', min: 'minutes' };

function unitWord(unit: string): string {
  return UNIT_WORDS[unit] ?? unit;
}

/** Below the minimum: OX either raises the value (a misreading) or rejects it. */
function belowMin(def: PropertyDef, shown: string, minShown: string, extra = ''): ValueVerdict {
  return def.raisesToMin
    ? { misread: `${shown} is below the minimum of ${minShown}; OX raises it to that.${extra}` }
    : { error: `${shown} is below the minimum ${minShown}.${extra}` };
}

function checkInteger(value: string, def: PropertyDef, what = 'an integer'): ValueVerdict {
  const n = parseInteger(value);
  if (n === undefined) {
    const fallback = def.default !== null ? ` and silently uses the default ${def.default}` : '';
    const hint = /^\d+\s*[A-Za-z]+$/.test(value)
      ? ' Units are not allowed here: give a plain number' + (def.unit ? ` of ${unitWord(def.unit)}.` : '.')
      : '';
    return { error: `"${value}" is not ${what}: OX cannot parse it${fallback}.${hint}` };
  }
  if (def.min !== undefined && n < def.min) return belowMin(def, String(n), String(def.min));
  if (def.max !== undefined && n > def.max) return { error: `${n} is above the maximum ${def.max}.` };
  if (def.effectiveMax !== undefined && n > def.effectiveMax) {
    return { misread: `Values above ${def.effectiveMax} have no further effect: OX works as if it were ${def.effectiveMax}.` };
  }
  return OK;
}

function checkTimespan(value: string, def: PropertyDef): ValueVerdict {
  const parsed = parseTimespan(value);
  if (!parsed.ok) return { error: `"${value}" is not a time span: ${parsed.error}.` };
  if (def.min !== undefined && parsed.ms < def.min) {
    const bare = /^\d+$/.test(value) ? ` A bare number is milliseconds: ${value} ms = ${describeDuration(parsed.ms)}.` : '';
    return belowMin(def, value, describeDuration(def.min), bare);
  }
  return OK;
}

type Checker = (value: string, def: PropertyDef) => ValueVerdict;

const CHECKERS: Record<ValueType, Checker> = {
  string: () => OK,
  'string-list': () => OK,
  path: () => OK,
  url: (v) => (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) ? OK : { error: `"${v}" is not a URL.` }),
  boolean: (v) => (/^(true|false)$/i.test(v) ? OK : { misread: `OX reads "${v}" as false: only "true" (in any letter case) is true.` }),
  integer: (v, def) => checkInteger(v, def),
  port: (v, def) => (isPort(v) ? checkInteger(v, def) : { error: `"${v}" is not a port number (1-65535).` }),
  timespan: checkTimespan,
  enum: (v, def) => {
    const values = def.values ?? [];
    const match = def.caseSensitive ? values.includes(v) : values.some((x) => x.toLowerCase() === v.toLowerCase());
    return match ? OK : { error: `"${v}" is not one of ${values.join(', ')}.` };
  },
  host: (v) => (isHost(v) ? OK : { error: `"${v}" is not a host name or IP address.` }),
  'ip-address': (v) => (isIpAddress(v) ? OK : { error: `"${v}" is not an IP address.` }),
  'host-list': (v) => checkList(v, isHostWithPort, 'a host name or IP address (optionally with :port)'),
  'interface-list': (v) => checkList(v, isInterfacePattern, 'an interface address (wildcards * and ranges such as 10.0.0.1-9 are allowed)'),
  'ip-list': (v) => checkList(v, isIpListEntry, 'an IP address, CIDR block or address range'),
  'port-list': (v) => checkList(v, isPortListEntry, 'a port or port range (e.g. 5701-5710)'),
  'class-name': (v) => (CLASS_NAME.test(v) ? OK : { error: `"${v}" is not a Java class name.` }),
  route: (v) =>
    ROUTE.test(v) ? OK : { error: `"${v}" must not contain ";", "," or white space: it is appended to the JSESSIONID cookie.` },
  unsupported: () => ({ misread: 'OX cannot convert a property value to this field, so it skips the setting.' }),
};

/** Checks a value as OX reads it (already trimmed). Empty values are judged by `checkEmptyValue`. */
export function checkValue(value: string, def: PropertyDef): ValueVerdict {
  if (def.special?.some((s) => s.toLowerCase() === value.toLowerCase())) return OK;
  return CHECKERS[def.type](value, def);
}

/** What OX does with `key=`; an empty value is not an unset key. */
export function checkEmptyValue(def: PropertyDef): ValueVerdict {
  const said = def.empty !== undefined ? `Empty: ${def.empty}.` : undefined;
  switch (def.type) {
    case 'integer':
    case 'port':
      if (said && /reject/i.test(said)) return { error: said };
      if (def.default !== null) return { misread: `Empty: OX cannot parse it and uses the default ${def.default}.` };
      return said ? { misread: said } : OK;
    case 'timespan':
      return {
        misread: `Empty: OX reads a time span of 0${def.min ? ` and raises it to the minimum of ${describeDuration(def.min)}` : ''}.`,
      };
    case 'enum':
      return said ? { misread: said } : { error: `Empty is not one of ${(def.values ?? []).join(', ')}.` };
    case 'unsupported':
      return CHECKERS.unsupported('', def);
    default:
      return OK;
  }
}

/** What an empty value means, for hints: the catalog's word, else the type's. */
export function emptyMeaning(def: PropertyDef): string | undefined {
  if (def.empty !== undefined) return def.empty;
  if (def.type === 'boolean') return 'false';
  return undefined;
}
