import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from '../model/document';
import { catalogSecrets, documentSecrets, secretScrubber } from '../values/redact';

/**
 * Masks, in diagnostic messages, every secret value the workspace's documents hold and every secret default
 * the catalog ships: one policy for what the server publishes and what the CLI prints. The secrets of a
 * document are read once per parse; the scrubber is rebuilt after the documents change.
 */
export class DiagnosticScrubber {
  private readonly byDoc = new WeakMap<ConfigDocument, readonly string[]>();
  private byCatalog?: { catalog: Catalog; secrets: readonly string[] };
  private scrub?: (text: string) => string;

  constructor(
    private readonly documents: () => Iterable<ConfigDocument>,
    private readonly catalog: () => Catalog,
  ) {}

  /** The documents or the catalog changed. */
  invalidate(): void {
    this.scrub = undefined;
  }

  private scrubber(): (text: string) => string {
    if (this.scrub) return this.scrub;
    const catalog = this.catalog();
    if (this.byCatalog?.catalog !== catalog) this.byCatalog = { catalog, secrets: catalogSecrets(catalog) };
    // In URI order, so that the result does not depend on the order files were read in.
    const docs = [...this.documents()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const secrets = new Set<string>();
    for (const doc of docs) {
      let own = this.byDoc.get(doc);
      if (!own) this.byDoc.set(doc, (own = documentSecrets(doc)));
      for (const value of own) secrets.add(value);
    }
    for (const value of this.byCatalog.secrets) secrets.add(value);
    return (this.scrub = secretScrubber(secrets));
  }

  /** A text with secret values masked, by the same policy as the diagnostics. */
  text(text: string): string {
    return this.scrubber()(text);
  }

  /** The diagnostics with secret values masked; a diagnostic without any is returned as it is. */
  apply(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const scrub = this.scrubber();
    const out = diagnostics.slice();
    for (let i = 0; i < out.length; i++) {
      const d = out[i];
      const message = scrub(d.message);
      const related = d.relatedInformation;
      let scrubbedRelated: typeof related;
      if (related) {
        for (let k = 0; k < related.length; k++) {
          const text = scrub(related[k].message);
          if (text === related[k].message) continue;
          scrubbedRelated ??= related.slice();
          scrubbedRelated[k] = { ...related[k], message: text };
        }
      }
      if (scrubbedRelated) out[i] = { ...d, message, relatedInformation: scrubbedRelated };
      else if (message !== d.message) out[i] = { ...d, message };
    }
    return out;
  }
}
