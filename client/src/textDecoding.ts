// How the editor decoded each open .properties file, told to the server (its encoding rule depends on it),
// and the encoding that follows the file's reader: a file of a node that reads UTF-8 (OX 8), and a template
// (configuration management reads it as UTF-8), is shown as UTF-8 when its bytes are UTF-8, so that the
// editor shows what is read.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

type Decoding = 'latin1' | 'utf8';

const LANGUAGES = new Set(['ox-properties', 'ox-ccf']);
const NOTIFICATION = 'oxClusterConfig/textDecoding';

/** The encoding VS Code decoded a document with: its own (VS Code 1.100 and later), else the configured one. */
function encodingOf(doc: vscode.TextDocument): string | undefined {
  const own = (doc as { encoding?: unknown }).encoding;
  if (typeof own === 'string') return own;
  return vscode.workspace.getConfiguration('files', { uri: doc.uri, languageId: doc.languageId }).get<string>('encoding');
}

/** One byte per character (Windows-1252 differs only in 0x80-0x9F, which the server maps), or UTF-8. */
function decodingOf(encoding: string | undefined): Decoding | undefined {
  if (encoding === 'utf8' || encoding === 'utf8bom') return 'utf8';
  if (encoding === 'iso88591' || encoding === 'windows1252') return 'latin1';
  return undefined;
}

const isOurs = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && LANGUAGES.has(doc.languageId);

/** Bytes beyond ASCII that are all well-formed UTF-8: only then does reading them as UTF-8 lose nothing. */
function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function registerTextDecoding(getClient: () => LanguageClient | undefined): vscode.Disposable {
  let reportedTo: LanguageClient | undefined;
  const reported = new Map<string, Decoding>();
  // Files whose encoding was decided once: the user's own choice afterwards (Reopen with Encoding) stands.
  const decided = new Set<string>();

  const runningClient = (): LanguageClient | undefined => {
    const client = getClient();
    if (!client || client.state !== State.Running) return undefined;
    if (client !== reportedTo) {
      // A new server knows nothing yet: every file is ISO-8859-1 to it.
      reportedTo = client;
      reported.clear();
    }
    return client;
  };

  const report = (doc: vscode.TextDocument) => {
    const client = runningClient();
    const decoding = decodingOf(encodingOf(doc));
    if (!client || !isOurs(doc) || !decoding) return;
    const uri = doc.uri.toString();
    if ((reported.get(uri) ?? 'latin1') === decoding) return;
    reported.set(uri, decoding);
    void client.sendNotification(NOTIFICATION, { uri, decoding });
  };

  const followVersion = async (doc: vscode.TextDocument) => {
    const uri = doc.uri.toString();
    const client = runningClient();
    if (!client || !isOurs(doc) || decided.has(uri) || doc.isDirty || !('encoding' in doc)) return;
    if (!vscode.workspace.getConfiguration('oxClusterConfig', doc.uri).get<boolean>('encoding.followOxVersion', true)) return;
    if (decodingOf(encodingOf(doc)) !== 'latin1') return void decided.add(uri);
    let charset: string | undefined;
    try {
      charset = (await client.sendRequest<{ charset?: string } | null>('oxClusterConfig/nodeVersion', { uri }))?.charset;
    } catch {
      return;
    }
    // An unknown version may become known later (a package list is added): decide then.
    if (!charset) return;
    decided.add(uri);
    if (charset !== 'UTF-8' || doc.isDirty || !isUtf8BeyondAscii(await vscode.workspace.fs.readFile(doc.uri))) return;
    // openTextDocument takes an encoding since VS Code 1.100 (checked above by `encoding` on the document).
    await Reflect.apply(vscode.workspace.openTextDocument, vscode.workspace, [doc.uri, { encoding: 'utf8' }]);
  };

  const each = (work: (doc: vscode.TextDocument) => unknown) => {
    for (const doc of vscode.workspace.textDocuments) work(doc);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(report),
    // A change of encoding (Reopen with Encoding) arrives as a change of the document.
    vscode.workspace.onDidChangeTextDocument((e) => report(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      reported.delete(doc.uri.toString());
      decided.delete(doc.uri.toString());
    }),
    // Diagnostics follow each analysis: the server is running and knows the node's version by then.
    vscode.languages.onDidChangeDiagnostics(() => {
      each(report);
      each((doc) => void followVersion(doc).catch(() => undefined));
    }),
  );
}
