// `npm run gen`: writes what the repository says about each rule from the rule registry
// (server/src/rules/registry.ts): the rule settings of package.json, the rules of the
// .oxclusterconfig.json schema, and the rules tables of README.md and docs/rules/README.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { SEVERITY_NAMES } from '../../server/src/cli/args';
import { RULES, ruleDocPath } from '../../server/src/rules/registry';
import { RuleMeta, RuleScope, SeverityName } from '../../server/src/rules/rule';

/** A generated file: its path relative to the repository root and its whole new text. */
export interface GeneratedFile {
  file: string;
  text: string;
}

const SETTING_PREFIX = 'oxClusterConfig.rules.';
const TABLE_START = '<!-- rules:start -->';
const TABLE_END = '<!-- rules:end -->';

const SEVERITY_DESCRIPTIONS: Record<SeverityName, string> = {
  off: 'Do not report.',
  hint: 'Report as a hint (shown as dots under the text).',
  information: 'Report as information.',
  warning: 'Report as a warning.',
  error: 'Report as an error.',
};

const SETTING_SCOPE_NOTE: Record<RuleScope, string> = {
  file: '',
  node: ' (a check across the files of a node)',
  cluster: ' (a check across the nodes of a cluster)',
};

/** Plain text as Markdown: every character Markdown (or a table) could read as syntax is escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_<>[\]|]/g, '\\$&');
}

function ruleSetting(rule: RuleMeta): object {
  return {
    type: 'string',
    enum: SEVERITY_NAMES,
    default: rule.defaultSeverity,
    scope: 'resource',
    enumDescriptions: SEVERITY_NAMES.map((name) => SEVERITY_DESCRIPTIONS[name]),
    markdownDescription: `Severity of the \`${rule.id}\` check: ${markdownText(rule.title)}${SETTING_SCOPE_NOTE[rule.scope]}`,
  };
}

interface PackageJson {
  contributes: { configuration: { properties: Record<string, unknown> } };
}

/** The rule settings first, in registry order, then the other settings as they are. */
function packageJson(text: string): string {
  const pkg = JSON.parse(text) as PackageJson;
  const configuration = pkg.contributes.configuration;
  const others = Object.entries(configuration.properties).filter(([key]) => !key.startsWith(SETTING_PREFIX));
  configuration.properties = Object.fromEntries([...RULES.map((r) => [SETTING_PREFIX + r.id, ruleSetting(r)]), ...others]);
  return JSON.stringify(pkg, null, 2);
}

interface Schema {
  properties: { rules: { properties: Record<string, unknown> } };
}

function schema(text: string): string {
  const json = JSON.parse(text) as Schema;
  json.properties.rules.properties = Object.fromEntries(
    RULES.map((r) => [r.id, { $ref: '#/definitions/severity', description: `${r.title} Default: ${r.defaultSeverity}.` }]),
  );
  return JSON.stringify(json, null, 2);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

/** The table of README.md: links go from the repository root. */
function readmeTable(): string {
  return table(
    ['Rule', 'Default', 'Scope', 'Fix', 'Finds'],
    RULES.map((r) => [`[\`${r.id}\`](${ruleDocPath(r.id)})`, r.defaultSeverity, r.scope, yesNo(r.fixable), markdownText(r.title)]),
  );
}

const DOCS_DIR = 'docs/rules';
const DOCS_SCOPE: Record<RuleScope, string> = { file: 'one file', node: 'one node', cluster: 'cluster' };

/** The table of docs/rules/README.md: links go from docs/rules/. */
function docsTable(): string {
  return table(
    ['Rule', 'Default severity', 'Scope', 'Quick fix', 'What it finds'],
    RULES.map((r) => [
      `[${r.id}](${path.posix.relative(DOCS_DIR, ruleDocPath(r.id))})`,
      r.defaultSeverity,
      DOCS_SCOPE[r.scope],
      yesNo(r.fixable),
      markdownText(r.title),
    ]),
  );
}

/** `text` with the part between the rules markers replaced by `content`. */
function replaceBetweenMarkers(file: string, text: string, content: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start || text.indexOf(TABLE_START, start + 1) >= 0) {
    throw new Error(`${file}: needs one ${TABLE_START} ... ${TABLE_END} pair around the rules table`);
  }
  return `${text.slice(0, start + TABLE_START.length)}\n\n${content}\n\n${text.slice(end)}`;
}

/** JSON through Prettier with the repository's settings, so that format:check agrees with the generator. */
async function prettierJson(root: string, file: string, json: string): Promise<string> {
  const filepath = path.join(root, file);
  const options = await prettier.resolveConfig(filepath);
  return prettier.format(json, { ...options, filepath });
}

/** Every generated file with its new text, built from the registry and the file's text in `root`. */
export async function generate(root: string): Promise<GeneratedFile[]> {
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  return [
    { file: 'package.json', text: await prettierJson(root, 'package.json', packageJson(read('package.json'))) },
    {
      file: 'schemas/oxclusterconfig.schema.json',
      text: await prettierJson(root, 'schemas/oxclusterconfig.schema.json', schema(read('schemas/oxclusterconfig.schema.json'))),
    },
    { file: 'README.md', text: replaceBetweenMarkers('README.md', read('README.md'), readmeTable()) },
    { file: 'docs/rules/README.md', text: replaceBetweenMarkers('docs/rules/README.md', read('docs/rules/README.md'), docsTable()) },
  ];
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  for (const { file, text } of await generate(root)) {
    const target = path.join(root, file);
    if (fs.readFileSync(target, 'utf8') === text) continue;
    fs.writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
