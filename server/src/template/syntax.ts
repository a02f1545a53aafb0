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

/** The endings configuration management gives the templates of OX's own files (`hazelcast.properties.j2`, `cache.ccf.erb`). */
export const PROPERTIES_TEMPLATE = /\.(properties|ccf)\.(j2|jinja2?|erb|tmpl|tpl)$/i;

/** The rendered file name of a `.properties` or `.ccf` template (`hazelcast.properties.j2` → `hazelcast.properties`); the name itself otherwise. */
export function renderedName(fileName: string): string {
  const m = PROPERTIES_TEMPLATE.exec(fileName);
  return m ? fileName.slice(0, m.index + 1 + m[1].length) : fileName;
}

/**
 * The syntax of a `.properties` or `.ccf` template. `.tmpl` and `.tpl` are Go by name, but Salt and Chef
 * users give Jinja and ERB templates these endings too: `{%` or `{#` tags make it Jinja, `<%` tags ERB.
 */
export function propertiesTemplateSyntax(fileName: string, text: string): TemplateSyntax | undefined {
  const m = PROPERTIES_TEMPLATE.exec(fileName);
  if (!m) return undefined;
  const syntax = templateSyntaxOf(fileName);
  if (syntax !== 'go') return syntax;
  if (/\{[%#]/.test(text)) return 'jinja';
  if (/<%/.test(text) && !text.includes('{{')) return 'erb';
  return 'go';
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
