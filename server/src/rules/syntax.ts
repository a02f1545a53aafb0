import { Rule } from './rule';

/** What the reader could not read: a malformed \uXXXX escape (Java throws, OX skips the file), broken YAML. */
export const syntaxRule: Rule = {
  id: 'syntax',
  scope: 'file',
  defaultSeverity: 'error',
  title:
    'Text that cannot be read: a malformed \\uXXXX escape, which makes OX skip the whole file, a values file that is not valid YAML, or an httpd file whose sections do not close.',
  fixable: false,
  check: ({ doc }) =>
    doc.syntaxProblems.map((p) => ({
      start: p.start,
      end: p.end,
      message: p.message,
      ...(p.uncertain ? { severity: 'information' as const } : {}),
    })),
};
