import { RULES } from '../rules/registry';
import { check } from './check';
import { dump } from './dump';
import { schema } from './schema';
import { upgradePlanCommand } from './upgradePlan';
import { mapCommand } from './map';
import { TOOL_VERSION } from './formats';
import { CliIo, EXIT_USAGE, InputError, processIo, UsageError } from './io';

function ruleList(): string {
  const width = Math.max(...RULES.map((r) => r.id.length));
  return RULES.map((r) => `    ${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}`).join('\n');
}

export function usage(): string {
  return `Usage:
  ox-cluster-config check [options] <dir or file>...
  ox-cluster-config check [options] --values <file> [--values <file>...] [<dir or file>...]
  ox-cluster-config upgrade-plan <dir or file>... --to <version> [--format text|json]
  ox-cluster-config map [options] <dir or file>... [--format svg|html|mermaid|dot|json] [--out <file>]
                        [--expand all|<region>,...]
  ox-cluster-config schema core-mw
  ox-cluster-config dump <file>
  ox-cluster-config --help | --version

check <dir or file>...
  Finds every OX cluster configuration file below the directories (hazelcast.properties,
  hazelcast/<map>.properties, sessiond.properties, cache.properties, server.properties, cache.ccf,
  and any .properties or .ccf file below an etc/ or conf/ folder), groups them into nodes (the folder
  above etc/) and clusters (nodes side by side in one folder, or whose static node lists overlap),
  and runs the checks of the editor on each file, each node and each cluster.
  Templates of these files (.j2, .jinja, .jinja2, .erb, .tmpl, .tpl, e.g. an Ansible role's
  templates/opt/open-xchange/etc/hazelcast.properties.j2) are found the same way; their template
  expressions are unknown values. A folder of templates is a node template: its file and node checks
  run, the cluster checks do not.
  Kubernetes edition: core-mw Helm values files (values*.yaml, values*.yml, *values*.yaml.gotmpl
  holding core-mw values) are found too; each is a release of its own unless a release lists it.
  The Apache httpd configuration in front of the nodes is found too (proxy_http.conf anywhere, any
  .conf below an apache/, apache2/ or httpd/ folder, their .j2/.erb templates, and the .conf files
  their Include lines name within the folders checked); its balancers are checked against the nodes
  of the cluster they serve.
  A file given instead of a directory is checked on its own, whatever its name: a .properties or
  .ccf file (or a template of one) as a node of that one file, a .yaml, .yml or .yaml.gotmpl file as a values file, a
  .conf file as httpd configuration.

  Options:
    --format human|json|sarif   Output format (default: human).
                                  human  path:line:col severity rule-id message, paths relative to the
                                         current folder, then "N errors, M warnings, K infos in F files
                                         (C clusters, N nodes)".
                                  json   [{file, line, column, endLine, endColumn, severity, rule, message}]:
                                         1-based lines and columns, columns in UTF-16 code units, the end
                                         column exclusive (as in SARIF).
                                  sarif  SARIF 2.1.0 (e.g. for GitHub code scanning); file URIs relative
                                         to the uriBaseId SRCROOT, the current folder.
    --rule <id>=<severity>      Set a rule's severity: off, hint, information, warning or error.
                                Repeatable; wins over .oxclusterconfig.json. An unknown id is a usage error.
    --max-warnings <n>          Exit with 1 when there are more than <n> warnings.
    --cluster <name>=<dir>,...  Declare a cluster: the node folders listed (relative to the current folder,
                                or globs) form cluster <name>. Repeatable; wins over the automatic
                                grouping and over the clusters of .oxclusterconfig.json.
    --values <file>             A values file of one release; repeat it to apply several in the order
                                helm -f applies them (later files win, maps merge). The release is named
                                after the first file.
    --release <name>            The name of the --values release.
    --chart-version <version>   The core-mw chart version (e.g. 6.20.2) of the --values release and of
                                every release whose version .oxclusterconfig.json does not declare; wins
                                over a Chart.yaml beside the values file. Without it and without a declared
                                version, a Chart.yaml named core-mw in the folder of a release's first
                                values file gives the version; else it is unknown and findings say which
                                version they assume.
    --fix                       Apply the safe fixes: those of problems with exactly one fix that creates
                                no file and does not overlap another fix (repeated while fixes make more
                                possible). Files are written back as ISO-8859-1; nothing outside the
                                edited text changes. Prints how many problems were fixed in how many
                                files (on stderr with --format json or sarif), then reports what remains.
    --effective                 Print the effective configuration of every node as JSON instead of the
                                problems: each key with its value, source file and line (or "default"),
                                the files that set it and the nodes of the cluster that differ.
    -h, --help                  Show this help.

  Configuration: .oxclusterconfig.json in each <dir>, in the folder of each file and in the current
  folder (JSON schema: schemas/oxclusterconfig.schema.json). Rule severities of later <dir>s win over
  earlier ones and over the current folder's; --rule wins over all.
    "rules":    {"<rule-id>": "off|hint|information|warning|error"}
    "clusters": [{"name": "prod", "nodes": ["node1", "node2", "site-b/*"]}]   node folders relative to
                the folder of the file, or globs
    "releases": [{"name": "prod", "chartVersion": "6.20.2", "values": ["values.yaml", "prod.yaml"]}]
                values files relative to the folder of the file, in helm -f order; a missing
                file is reported and left out
    "catalogs": ["custom.ox-catalog.json"]   extra catalogs, relative to the folder of the file: read as
                JSON data (never run) and checked against the catalog schema
    "balancers": [{"file": "lb/proxy_http.conf", "cluster": "prod", "balancer": "oxcluster"}]
                the balancers of the httpd files (relative to the folder of the file, or globs) stand
                in front of cluster "prod" ("balancer" optional: all of the file's balancers); wins over
                matching members to nodes by route and host; a cluster that does not exist is reported
    "include":  ["**/custom-etc/*.properties"]   more files to check (globs relative to each <dir>)
    "exclude":  ["backup", "**/old/**"]          files and folders to skip (globs relative to each <dir>)

  Secret values (passwords, keys, salts) are never printed, in any format.
  With more than 300 files a progress line is shown on stderr.

  Rules (id, default severity, what it finds):
${ruleList()}

  Exit codes:
    0  no error found, and no more warnings than --max-warnings
    1  an error found, or more warnings than --max-warnings
    2  usage error; a directory or file that does not exist or cannot be read, or a file of another
       kind; an unusable .oxclusterconfig.json or catalog; no OX configuration file at all. A <dir>
       without any is reported on stderr as "no OX configuration files found under <dir>", a YAML
       file without core-mw values as "no core-mw values in <file>"; next to others with some, that
       alone does not change the exit code.

upgrade-plan <dir or file>... --to <version> [--format text|json]
  Print what upgrading each classic cluster to OX <version> (e.g. 7.10.5, 8.19) changes: each node's
  version and where it comes from; the keys set that <version> no longer reads and those it starts to
  read; stock values that change (an upgraded node keeps its files); mandatory keys unset or empty;
  whether the Hazelcast line changes (the cluster splits during a rolling upgrade) and the bridge
  package; and com.openexchange.push.allowPermanentPush on each node for the upgrade node. text is
  Markdown; json the same facts. Configuration as for check. Secret values are never printed.
  Exit codes: 0 plan printed, 2 usage error (--to missing or not a version) or unreadable input.

map <dir or file>... [--format svg|html|mermaid|dot|json] [--out <file>] [--expand all|<region>,...]
  Draw the cluster map of what check reads (the same inputs and options: --values, --release,
  --chart-version, --cluster, --rule): each Hazelcast cluster as a region (classic: the nodes check
  groups into one cluster; Kubernetes: the Hazelcast node types of a release, named by hzGroupName),
  its nodes with join mode, full or lite member, route and OX version, the static member lists
  (an address that matches no node drawn as such), the maps with their backups against the full
  members, the balancers in front with an edge per member (faults: a member that reaches no node,
  a route no node has, a route two nodes have), and the findings on the element they concern.
  Nodes that run no Hazelcast stand apart.
    svg      a picture (default)         html     the picture and the findings in one page
    mermaid  a Mermaid flowchart         dot      Graphviz DOT
    json     the graph itself (see README.md, "Cluster map")
  --out <file> writes it there instead of to stdout. Secret values are never shown.
  Above 40 nodes, svg and html draw each region without an error or warning as one box with its
  counts (html: click it to open); --expand all draws every region open, --expand <name>,... those.
  Exit codes as check: 0 no error found, 1 an error found, 2 usage error or unreadable input.

schema core-mw
  Print a JSON Schema (draft-07) of core-mw values files, made from the catalog and the chart facts:
  the OX keys under properties, secretProperties, propertiesFiles and secretPropertiesFiles (also
  under roles.<role>.values and scaling.nodes.<type>.values) and the chart keys that shape the cluster.
  For the YAML extension (a "# yaml-language-server: $schema=<file>" line) or Helm's values.schema.json.
  Exit codes: 0 success, 2 usage error.

dump <file>
  Print the properties of <file> as one JSON object (key -> value, the last duplicate wins), exactly
  as java.util.Properties reads them (ISO-8859-1). Secrets are not masked.
  Exit codes: 0 success, 2 usage error, unreadable file or malformed \\uXXXX escape.`;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await check(rest, io, usage());
    if (command === 'dump') return await dump(rest, io);
    if (command === 'upgrade-plan') return await upgradePlanCommand(rest, io, usage());
    if (command === 'map') return await mapCommand(rest, io, usage());
    if (command === 'schema') return await schema(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}".` : 'no command given.');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ox-cluster-config: ${error.message}\n\n${usage()}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.stderr.write(`ox-cluster-config: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
