// The VS Code side of OX Cluster Config: starts the language server, shows its state, and maps the user's
// extra file patterns to the ox-properties language. Everything else happens in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerEffectiveConfiguration } from './effectiveConfiguration';
import { watchFilePatterns } from './filePatterns';
import { ServerStatusBar } from './statusBar';
import { registerUpgradePlan } from './upgradePlan';
import { registerNodeVersionItem } from './nodeVersionItem';
import { registerTextDecoding } from './textDecoding';
import { registerClusterMap } from './clusterMap';
import { SERVER_PROCESS_ENV } from '../../server/src/host/serverProcess';

const CLIENT_ID = 'oxClusterConfig';
const CLIENT_NAME = 'OX Cluster Config';

/** The server's Apache files (model/apache/apacheDocument.ts), templates included; package.json activates on the same. */
const TEMPLATE = '{j2,jinja,jinja2,erb,tmpl,tpl}';
const APACHE_PATTERNS = [
  '**/proxy_http.conf',
  `**/proxy_http.conf.${TEMPLATE}`,
  '**/{apache,apache2,httpd}/**/*.conf',
  `**/{apache,apache2,httpd}/**/*.conf.${TEMPLATE}`,
];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusBar: ServerStatusBar;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  statusBar = new ServerStatusBar('oxClusterConfig.showOutput');
  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('oxClusterConfig.restartServer', () => restartClient(context)),
    vscode.commands.registerCommand('oxClusterConfig.showOutput', () => output.show(true)),
    // Catalogs from the workspace are loaded only in a trusted workspace: start over once it is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restartClient(context)),
    watchFilePatterns(),
    registerEffectiveConfiguration(() => client),
    registerUpgradePlan(() => client),
    registerNodeVersionItem(() => client),
    registerTextDecoding(() => client),
    registerClusterMap(() => client),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: SERVER_PROCESS_ENV } },
    debug: { module, transport: TransportKind.ipc, options: { env: SERVER_PROCESS_ENV, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...['file', 'untitled'].flatMap((scheme) => [
        { scheme, language: 'ox-properties' },
        { scheme, language: 'ox-ccf' },
      ]),
      // Templates of .properties and .ccf files, also when another extension gave them a Jinja or ERB language.
      { scheme: 'file', pattern: `**/*.{properties,ccf}.${TEMPLATE}` },
      // Helm values files keep their YAML (or helm) language; the server answers only for core-mw values.
      { scheme: 'file', pattern: '**/*values*.{yaml,yml}' },
      { scheme: 'file', pattern: '**/*values*.{yaml,yml}.gotmpl' },
      // httpd files in front of the nodes keep whatever language they have; other .conf files are not ours.
      ...APACHE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    synchronize: { configurationSection: 'oxClusterConfig' },
    // A function, so that a restart after the trust grant sends the new value.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    errorHandler: crashHandler(() => c),
  };
  const c = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = c;
  statusBar.track(c);
  try {
    await c.start();
  } catch (err) {
    output.appendLine(`Starting the language server failed: ${err instanceof Error ? err.message : String(err)}`);
    statusBar.failed();
  }
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch {
      /* it may already be stopped */
    }
    await old.dispose();
  }
  await startClient(context);
}

/** vscode-languageclient's default handler (restart up to 4 times in 3 minutes) plus a visible warning. */
function crashHandler(getClient: () => LanguageClient): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const base = (): ErrorHandler => (fallback ??= getClient().createDefaultErrorHandler());
  return {
    error: (error, message, count): ErrorHandlerResult | Promise<ErrorHandlerResult> => base().error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await base().closed();
      const restarting = result.action === CloseAction.Restart;
      const text = restarting
        ? 'The OX Cluster Config language server crashed and is being restarted.'
        : (result.message ?? 'The OX Cluster Config language server crashed and will not be restarted.');
      output.appendLine(text);
      void vscode.window.showWarningMessage(text, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
      return { ...result, handled: true };
    },
  };
}
