import { Diagnostic } from 'vscode-languageserver-types';
import { mostSevere } from '../analysis/engine';

export interface PublishTarget {
  /** The current diagnostics of a URI. */
  diagnostics(uri: string): Diagnostic[];
  /** The editor's version of an open document; undefined for a file only on disk. */
  version(uri: string): number | undefined;
  /** Edited since the analysis being published ran: skipped, the next analysis publishes it. */
  isStale(uri: string): boolean;
  send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
}

/**
 * Sends diagnostics per URI, at most the 1,000 most severe, and only when they changed: a change may touch
 * a whole cluster. Their JSON is made only to compare diagnostics of the same version (a file with 100,000
 * diagnostics would otherwise pay for it on every keystroke).
 */
export class DiagnosticsPublisher {
  private readonly lastSent = new Map<string, { version: number | undefined; diagnostics: Diagnostic[]; json?: string }>();

  constructor(private readonly target: PublishTarget) {}

  /** Publishes the URIs' diagnostics; `force` sends them even when unchanged (after a settings reload). */
  publish(uris: Iterable<string>, force = false): void {
    const { target } = this;
    for (const uri of uris) {
      // Publishing an edited document now would label diagnostics of the old text with the new version.
      if (target.isStale(uri)) continue;
      const diagnostics = mostSevere(target.diagnostics(uri));
      const version = target.version(uri);
      const last = this.lastSent.get(uri);
      let json: string | undefined;
      if (last && last.version === version) {
        json = JSON.stringify(diagnostics);
        if (!force && json === (last.json ??= JSON.stringify(last.diagnostics))) continue;
      }
      this.lastSent.set(uri, { version, diagnostics, json });
      target.send(uri, version, diagnostics);
    }
  }
}
