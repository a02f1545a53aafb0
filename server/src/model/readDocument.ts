// Which reader a file goes to: one place that knows every input format.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from './document';
import { hasConfEnding, readApacheDocument } from './apache/apacheDocument';
import { readValuesDocument } from './helm/valuesDocument';
import { createOxDocument, isOxDocument, updateOxDocument } from './properties/propertiesDocument';
import { PROPERTIES_TEMPLATE, renderedName } from '../template/syntax';

export type InputFormat = 'properties' | 'values' | 'apache';

/** YAML files and helmfile templates of them: values files whatever their name (a release may list any). */
const YAML_FILE = /\.ya?ml(\.gotmpl)?$/;

/** The format a file name implies; undefined for a file no reader takes. */
export function formatOf(uri: string): InputFormat | undefined {
  // A template of a `.properties` or `.ccf` file (`hazelcast.properties.j2`) is read as the file it renders.
  const lower = renderedName(uri.toLowerCase());
  if (lower.endsWith('.properties') || lower.endsWith('.ccf')) return 'properties';
  // httpd configuration: discovery and the editor's selector decide which `.conf` files get here.
  if (hasConfEnding(lower)) return 'apache';
  return YAML_FILE.test(lower) ? 'values' : undefined;
}

/**
 * How a file's bytes are decoded: OX 7.x reads .properties files as ISO-8859-1 (an OX 8 node's values are
 * decoded again, see model/properties/utf8Reading.ts); Ansible, Salt, Puppet and Chef read their templates
 * as UTF-8 and write what they render as UTF-8; Helm reads YAML as UTF-8; httpd reads bytes (ASCII in practice).
 */
export function encodingOf(uri: string): 'latin1' | 'utf8' {
  return formatOf(uri) === 'properties' && !PROPERTIES_TEMPLATE.test(uri) ? 'latin1' : 'utf8';
}

/** The language id a file read from disk gets. */
export function languageIdOf(uri: string): string {
  const format = formatOf(uri);
  if (format === 'values') return 'yaml';
  if (format === 'apache') return 'apacheconf';
  return renderedName(uri.toLowerCase()).endsWith('.ccf') ? 'ox-ccf' : 'ox-properties';
}

/**
 * Reads a document with the reader of its format (reusing the previous parse where the reader can); undefined
 * when it is not an OX file after all (a YAML file that holds no core-mw values). Files larger than
 * `maxSize` characters get their `.properties` syntax checked only; such a values file is not read.
 */
export function readDocument(
  text: TextDocument,
  catalog: Catalog,
  maxSize = Infinity,
  previous?: ConfigDocument,
): ConfigDocument | undefined {
  const format = formatOf(text.uri);
  if (format === 'apache') return text.getText().length > maxSize ? undefined : readApacheDocument(text);
  if (format === 'values' || text.languageId === 'yaml' || text.languageId === 'helm') {
    return text.getText().length > maxSize ? undefined : readValuesDocument(text, catalog);
  }
  return previous && isOxDocument(previous) ? updateOxDocument(previous, text, catalog, maxSize) : createOxDocument(text, catalog, maxSize);
}
