import { PropertyDef, ValueType } from '../catalog/types';
import { isHost, isHostWithPort, isInterfacePattern, isIpAddress, isIpListEntry, isPort, isPortListEntry, listEntries } from './addresses';
import { SECRET_VALUE_WORDS } from './redact';
import { describeDuration, parseTimespan } from './timespan';

/** What OX makes of a value: an error when it rejects or cannot parse it, a misreading when it reads something else. */
export interface ValueVerdict {
  error?: string;
  misread?: string;
}

/** How a verdict names the value it judges, and pieces of it (a list entry, a unit, the number read). */
export interface ValueWords {
  /** The value, first named; `start` when the name opens the sentence. */
  value(start: boolean): string;
  /** The value named again in the same sentence. */
  again: string;
  /** A piece of the value, quoted or as it is; undefined when it must not be shown. */
  piece(text: string, quoted: boolean): string | undefined;
}

function plainWords(value: string): ValueWords {
  return { value: () => `"${value}"`, again: `"${value}"`, piece: (text, quoted) => (quoted ? `"${text}"` : text) };
}

/** The verdict when it cannot be put without a piece of the value. */
function unsaid(w: ValueWords, kind: keyof ValueVerdict): ValueVerdict {
  return kind === 'error'
    ? { error: `OX rejects ${w.value(false)} or cannot parse it.` }
    : { misread: `OX reads ${w.value(false)} differently from what it says.` };
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

function checkList(value: string, w: ValueWords, isValid: (entry: string) => boolean, what: string): ValueVerdict {
  const entries = listEntries(value);
  const bad = entries.filter((e) => e !== '' && !isValid(e));
  if (bad.length === 1 && bad[0] === value) return { error: `${w.value(true)} is not ${what}.` };
  const shown = bad.map((b) => w.piece(b, true));
  if (shown.some((b) => b === undefined)) return unsaid(w, 'error');
  if (bad.length) return { error: `${shown.join(', ')} ${bad.length === 1 ? 'is not' : 'are not'} ${what}.` };
  if (entries.some((e) => e === '')) return { misread: 'The list has an empty entry (a stray comma); OX skips it.' };
  return OK;
}

const UNIT_WORDS: Record<string, string> = { ms: 'milliseconds', s: 'seconds', MB: 'megabytes', min: 'minutes' };

function unitWord(unit: string): string {
  return UNIT_WORDS[unit] ?? unit;
}

/** Below the minimum: OX either raises the value (a misreading) or rejects it. */
function belowMin(def: PropertyDef, w: ValueWords, shown: string | undefined, minShown: string, extra = ''): ValueVerdict {
  if (shown === undefined) return unsaid(w, def.raisesToMin ? 'misread' : 'error');
  return def.raisesToMin
    ? { misread: `${shown} is below the minimum of ${minShown}; OX raises it to that.${extra}` }
    : { error: `${shown} is below the minimum ${minShown}.${extra}` };
}

function checkInteger(value: string, def: PropertyDef, w: ValueWords, what = 'an integer'): ValueVerdict {
  const n = parseInteger(value);
  if (n === undefined) {
    const fallback = def.default !== null ? ` and silently uses the default ${def.default}` : '';
    const hint = /^\d+\s*[A-Za-z]+$/.test(value)
      ? ' Units are not allowed here: give a plain number' + (def.unit ? ` of ${unitWord(def.unit)}.` : '.')
      : '';
    return { error: `${w.value(true)} is not ${what}: OX cannot parse it${fallback}.${hint}` };
  }
  if (def.min !== undefined && n < def.min) return belowMin(def, w, w.piece(String(n), false), String(def.min));
  if (def.max !== undefined && n > def.max) {
    const shown = w.piece(String(n), false);
    return shown === undefined ? unsaid(w, 'error') : { error: `${shown} is above the maximum ${def.max}.` };
  }
  if (def.effectiveMax !== undefined && n > def.effectiveMax) {
    return { misread: `Values above ${def.effectiveMax} have no further effect: OX works as if it were ${def.effectiveMax}.` };
  }
  return OK;
}

function checkTimespan(value: string, def: PropertyDef, w: ValueWords): ValueVerdict {
  const parsed = parseTimespan(value);
  if (!parsed.ok) {
    const unit = parsed.unit === value ? w.again : w.piece(parsed.unit, true);
    if (unit === undefined) return { error: `${w.value(true)} is not a time span.` };
    const why = parsed.problem === 'no-number' ? `${unit} has no number before it` : `unknown unit ${unit} (use ms, s, m, h, d or w)`;
    return { error: `${w.value(true)} is not a time span: ${why}.` };
  }
  if (def.min !== undefined && parsed.ms < def.min) {
    const shown = w.piece(value, false);
    const bare = /^\d+$/.test(value) ? ` A bare number is milliseconds: ${shown} ms = ${describeDuration(parsed.ms)}.` : '';
    return belowMin(def, w, shown, describeDuration(def.min), bare);
  }
  return OK;
}

type Checker = (value: string, def: PropertyDef, w: ValueWords) => ValueVerdict;

const CHECKERS: Record<ValueType, Checker> = {
  string: () => OK,
  'string-list': () => OK,
  path: () => OK,
  url: (v, _, w) => (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) ? OK : { error: `${w.value(true)} is not a URL.` }),
  boolean: (v, _, w) =>
    /^(true|false)$/i.test(v) ? OK : { misread: `OX reads ${w.value(false)} as false: only "true" (in any letter case) is true.` },
  integer: (v, def, w) => checkInteger(v, def, w),
  port: (v, def, w) => (isPort(v) ? checkInteger(v, def, w) : { error: `${w.value(true)} is not a port number (1-65535).` }),
  timespan: checkTimespan,
  enum: (v, def, w) => {
    const values = def.values ?? [];
    const match = def.caseSensitive ? values.includes(v) : values.some((x) => x.toLowerCase() === v.toLowerCase());
    return match ? OK : { error: `${w.value(true)} is not one of ${values.join(', ')}.` };
  },
  host: (v, _, w) => (isHost(v) ? OK : { error: `${w.value(true)} is not a host name or IP address.` }),
  'ip-address': (v, _, w) => (isIpAddress(v) ? OK : { error: `${w.value(true)} is not an IP address.` }),
  'host-list': (v, _, w) => checkList(v, w, isHostWithPort, 'a host name or IP address (optionally with :port)'),
  'interface-list': (v, _, w) =>
    checkList(v, w, isInterfacePattern, 'an interface address (wildcards * and ranges such as 10.0.0.1-9 are allowed)'),
  'ip-list': (v, _, w) => checkList(v, w, isIpListEntry, 'an IP address, CIDR block or address range'),
  'port-list': (v, _, w) => checkList(v, w, isPortListEntry, 'a port or port range (e.g. 5701-5710)'),
  'class-name': (v, _, w) => (CLASS_NAME.test(v) ? OK : { error: `${w.value(true)} is not a Java class name.` }),
  route: (v, _, w) =>
    ROUTE.test(v) ? OK : { error: `${w.value(true)} must not contain ";", "," or white space: it is appended to the JSESSIONID cookie.` },
  unsupported: () => ({ misread: 'OX cannot convert a property value to this field, so it skips the setting.' }),
};

/**
 * Checks a value as OX reads it (already trimmed). Empty values are judged by `checkEmptyValue`. The
 * verdict of a secret names no part of the value (see values/redact.ts).
 */
export function checkValue(value: string, def: PropertyDef): ValueVerdict {
  if (def.special?.some((s) => s.toLowerCase() === value.toLowerCase())) return OK;
  return CHECKERS[def.type](value, def, def.secret ? SECRET_VALUE_WORDS : plainWords(value));
}

/** What OX does with `key=`; an empty value is not an unset key. */
export function checkEmptyValue(def: PropertyDef): ValueVerdict {
  const said = def.empty !== undefined ? `Empty: ${def.empty}.` : undefined;
  if (said && def.emptyRejected) return { error: said };
  switch (def.type) {
    case 'integer':
    case 'port':
      if (def.default !== null) return { misread: `Empty: OX cannot parse it and uses the default ${def.default}.` };
      return said ? { misread: said } : OK;
    case 'timespan':
      return {
        misread: `Empty: OX reads a time span of 0${def.min ? ` and raises it to the minimum of ${describeDuration(def.min)}` : ''}.`,
      };
    case 'enum':
      return said ? { misread: said } : { error: `Empty is not one of ${(def.values ?? []).join(', ')}.` };
    case 'unsupported':
      return CHECKERS.unsupported('', def, plainWords(''));
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
