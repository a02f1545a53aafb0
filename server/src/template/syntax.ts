// The template languages admins keep OX configuration in: Go templates (Helm, helmfile), Jinja (Ansible,
// Salt) and ERB (Puppet, Chef). Every reader masks their tags before it parses the text around them.

export type TemplateSyntax = 'go' | 'jinja' | 'erb';

/** What a tag does to the text around it. */
export type TagRole = 'expression' | 'control' | 'comment';

/** The template syntax a file name implies (`values.yaml.gotmpl`, `hazelcast.properties.j2`), if any. */
export function templateSyntaxOf(fileName: string): TemplateSyntax | undefined {
  const lower = fileName.toLowerCase();
  if (/\.(gotmpl|tpl|tmpl)$/.test(lower)) return 'go';
  if (/\.(j2|jinja2?)$/.test(lower)) return 'jinja';
  if (lower.endsWith('.erb')) return 'erb';
  return undefined;
}

/** How a control tag shapes the branches of a template: opens a block, starts its next arm, or closes it. */
export type BlockStep = 'open' | 'arm' | 'close' | 'none';

const GO_OPEN = /^(if|range|with|define|block)\b/;
const GO_ARM = /^else\b/;
const JINJA_OPEN = /^(if|for|macro|block|call|filter|with|raw)\b/;
const JINJA_ARM = /^(elif|else)\b/;
const ERB_OPEN = /^(if|unless|case|while|until|for|begin)\b|\bdo(\s*\|[^|]*\|)?\s*$/;
const ERB_ARM = /^(elsif|else|when|rescue|ensure)\b/;

/**
 * What a tag's inner text (trim markers removed) does to the branch structure. Go's `{{ if }}` is an
 * expression tag by delimiter, so the words decide for every syntax.
 */
export function blockStep(syntax: TemplateSyntax, inner: string): BlockStep {
  const words = inner.trim();
  switch (syntax) {
    case 'go':
      if (words === 'end') return 'close';
      if (GO_ARM.test(words)) return 'arm';
      return GO_OPEN.test(words) ? 'open' : 'none';
    case 'jinja':
      if (/^end\w*$/.test(words)) return 'close';
      if (JINJA_ARM.test(words)) return 'arm';
      return JINJA_OPEN.test(words) ? 'open' : 'none';
    case 'erb':
      if (/^end\b/.test(words)) return 'close';
      if (ERB_ARM.test(words)) return 'arm';
      return ERB_OPEN.test(words) ? 'open' : 'none';
  }
}

/** Go actions that print nothing: control words, variable declarations and assignments. */
export function goActionIsSilent(inner: string): boolean {
  const words = inner.trim();
  return /^(if|else|end|range|with|define|block|break|continue)\b/.test(words) || /^\$[\w]*\s*:?=/.test(words);
}
