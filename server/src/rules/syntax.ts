import { Rule } from './rule';

/** A malformed \uXXXX escape: Java throws, and OX skips the whole file. */
export const syntaxRule: Rule = {
  id: 'syntax',
  scope: 'file',
  defaultSeverity: 'error',
  title: 'A malformed \\uXXXX escape, which makes OX skip the whole file.',
  fixable: false,
  check: ({ doc }) => doc.syntaxProblems.map((p) => ({ start: p.start, end: p.end, message: p.message })),
};
