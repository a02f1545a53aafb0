// What Helm hands on for an unquoted scalar of a values file. Helm reads values with go-yaml v2 (YAML 1.1
// words), converts them to JSON, so every number becomes a float64, and the chart writes the OX keys back
// with toYaml. Measured with sigs.k8s.io/yaml 1.3.0 over gopkg.in/yaml.v2 2.4.0.

/** How Helm reads an unquoted scalar whose text it changes. */
export type HelmReading = 'boolean' | 'octal' | 'hexadecimal' | 'binary' | 'number';

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
/** go-yaml's test for a float before it asks strconv. */
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(text, 0, 64) and, for what exceeds it, ParseUint: the integer and its base, else undefined. */
function goInteger(text: string): { value: bigint; reading: HelmReading | 'decimal' } | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]+|[1-9][0-9]*|0)$/.exec(text);
  if (!m) return undefined;
  const [, sign, digits] = m;
  const prefix = digits.slice(0, 2).toLowerCase();
  const reading =
    prefix === '0x' ? 'hexadecimal' : prefix === '0b' ? 'binary' : digits.length > 1 && digits[0] === '0' ? 'octal' : 'decimal';
  const body = reading === 'octal' && !/^0[oO]/.test(digits) ? `0o${digits.slice(1)}` : digits;
  const value = (sign === '-' ? -1n : 1n) * BigInt(body);
  if (value >= INT64_MIN && value <= INT64_MAX) return { value, reading };
  // ParseUint takes no sign.
  return sign === '' && value <= UINT64_MAX ? { value, reading } : undefined;
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form from 1e+06 up and below 1e-04. */
function goFloatText(f: number): string {
  const [mantissa, exponentText] = f.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(f);
}

/** What toYaml writes for a float64 that went through JSON: integers in 64 bits as such, others as go-yaml floats. */
function renderedNumber(f: number): string {
  const json = Object.is(f, -0) ? '0' : String(f);
  if (/^-?\d+$/.test(json)) {
    const n = BigInt(json);
    if ((n >= INT64_MIN && n <= INT64_MAX) || (n >= 0n && n <= UINT64_MAX)) return json;
  }
  return goFloatText(f);
}

/**
 * The text OX receives for an unquoted scalar written as `text`, and how Helm read it; undefined when it
 * receives the text as written (strings, timestamps, plain integers) or when Helm cannot render the value
 * at all (`.inf`, `.nan`). YAML nulls are not asked for.
 */
export function helmRendering(text: string): { text: string; reading: HelmReading } | undefined {
  let rendered: string | undefined;
  let reading: HelmReading = 'number';
  if (TRUE_WORDS.has(text) || FALSE_WORDS.has(text)) {
    rendered = TRUE_WORDS.has(text) ? 'true' : 'false';
    reading = 'boolean';
  } else if (text.startsWith('.')) {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) rendered = renderedNumber(Number(text));
  } else if (/^[-+0-9]/.test(text)) {
    const plain = text.replace(/_/g, '');
    const integer = goInteger(plain);
    if (integer) {
      rendered = renderedNumber(Number(integer.value));
      if (integer.reading !== 'decimal') reading = integer.reading;
    } else if (YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      // strconv refuses what overflows a float64: the text stays a string.
      if (Number.isFinite(f)) rendered = renderedNumber(f);
    }
  }
  return rendered === undefined || rendered === text ? undefined : { text: rendered, reading };
}
