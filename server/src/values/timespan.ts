// OX time spans (com.openexchange.tools.strings.TimeSpanParser): groups of digits followed by a unit
// ms, s, m, h, d or w in any letter case, summed; a bare number is milliseconds; every character that is
// neither a digit nor a letter is skipped.

const UNIT_MS: Record<string, number> = { MS: 1, S: 1000, M: 60_000, H: 3_600_000, D: 86_400_000, W: 604_800_000 };

/** Why a time span does not parse: letters with no number before them, or a unit OX does not know. */
export type TimespanProblem = 'no-number' | 'unknown-unit';

export type TimespanResult = { ok: true; ms: number } | { ok: false; problem: TimespanProblem; unit: string };

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

export function parseTimespan(text: string): TimespanResult {
  let total = 0;
  let digits = '';
  let unit = '';
  const flush = (): TimespanProblem | undefined => {
    if (!digits && !unit) return undefined;
    if (!digits) return 'no-number';
    const factor = UNIT_MS[(unit || 'MS').toUpperCase()];
    if (factor === undefined) return 'unknown-unit';
    total += Number(digits) * factor;
    digits = '';
    unit = '';
    return undefined;
  };
  for (const c of text) {
    if (isDigit(c)) {
      if (unit) {
        const problem = flush();
        if (problem) return { ok: false, problem, unit };
      }
      digits += c;
    } else if (isLetter(c)) {
      unit += c;
    }
  }
  const problem = flush();
  if (problem) return { ok: false, problem, unit };
  return { ok: true, ms: total };
}

const SPELLED: Array<[number, string]> = [
  [604_800_000, 'week'],
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
];

/** "1 week 2 days" style text for a duration in milliseconds. */
export function describeDuration(ms: number): string {
  if (ms === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, name] of SPELLED) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}

/** "1W = 7 days = 604800 s" */
export function explainTimespan(text: string): string | undefined {
  const parsed = parseTimespan(text.trim());
  if (!parsed.ok) return undefined;
  const seconds = parsed.ms / 1000;
  const days = parsed.ms / 86_400_000;
  const daysText = Number.isInteger(days) && days > 0 ? `${days} day${days === 1 ? '' : 's'}` : describeDuration(parsed.ms);
  return `${text.trim()} = ${daysText} = ${seconds} s`;
}
