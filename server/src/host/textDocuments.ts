import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * TextDocument.update, one change at a time, with the line structure rebuilt whenever the text holds a CR.
 * The library updates its line offsets incrementally and counts a CR and an LF that an edit brings together
 * (`a\n` with `\r` typed before the LF) as two line breaks, while the protocol and every editor count `\r\n`
 * as one: later positions would then address other text than the editor's, and the texts drift apart.
 */
export function updateTextDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let doc = document;
  for (const change of changes) {
    doc = TextDocument.update(doc, [change], version);
    if (doc.getText().includes('\r')) doc = TextDocument.create(doc.uri, doc.languageId, version, doc.getText());
  }
  return changes.length ? doc : TextDocument.update(doc, [], version);
}

/** The TextDocuments configuration of the server. */
export const TEXT_DOCUMENTS = { create: TextDocument.create, update: updateTextDocument };
