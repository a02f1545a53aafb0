import { Rule } from './rule';

/** A malformed \uXXXX escape: Java throws, and OX skips the whole file. */
export const syntaxRule: Rule = {
  id: 'syntax',
  defaultSeverity: 'error',
  summary: 'A malformed \\uXXXX escape makes OX skip the whole file.',
  check: ({ doc }) => doc.syntaxProblems.map((p) => ({ start: p.start, end: p.end, message: p.message })),
};
