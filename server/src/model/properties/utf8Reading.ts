// What OX 8 reads from a .properties file the server read byte by byte (ISO-8859-1): the bytes decoded as
// UTF-8, as Java's reader decodes them, then parsed. No byte of a UTF-8 sequence is ASCII, so separators,
// backslashes and line breaks stay where they are: the entries are the same ones, in the same order.
import { javaTrim } from '../../parser/javaText';
import { decodeUtf8AsJava } from '../../parser/latin1';
import { parseProperties } from '../../parser/propertiesParser';
import { OxDocument, OxEntry } from './propertiesDocument';

const BEYOND_ASCII = /[\x80-\xff]/;
const readings = new WeakMap<OxDocument, ReadonlyMap<OxEntry, string> | null>();

/** The value OX 8 reads for `entry` of `doc` (read byte by byte), where it differs from the byte-by-byte one. */
export function utf8ValueOf(doc: OxDocument, entry: OxEntry): string | undefined {
  let values = readings.get(doc);
  if (values === undefined) {
    values = utf8Values(doc);
    readings.set(doc, values);
  }
  return values?.get(entry);
}

function utf8Values(doc: OxDocument): ReadonlyMap<OxEntry, string> | null {
  // Templates hold masked text, and large files are read for their syntax only.
  if (doc.template || doc.large || !BEYOND_ASCII.test(doc.parsed.text)) return null;
  const entries = parseProperties(decodeUtf8AsJava(doc.parsed.text)).entries;
  if (entries.length !== doc.entries.length) return null;
  const values = new Map<OxEntry, string>();
  doc.entries.forEach((e, i) => {
    const value = javaTrim(entries[i].value);
    if (value !== e.value) values.set(e, value);
  });
  return values;
}
