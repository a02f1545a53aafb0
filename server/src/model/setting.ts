import { KnownProperty } from '../catalog/catalog';
import { Span } from '../parser/types';
import type { ConfigDocument } from './document';

/** Where a setting was written. Today a `.properties` line; Helm values entries and chart defaults come next. */
export type SettingOrigin = 'properties-line';

/**
 * One OX key set to a value in one source document: what every rule reasons about, whatever the format.
 * Ranges are offsets into the document's text.
 */
export interface Setting {
  /** The key as written, as OX reads it (decoded, trimmed). */
  readonly key: string;
  /** The key OX means: a Hazelcast field key such as BACKUPCOUNT counts as backupCount. */
  readonly canonicalKey: string;
  /** The value as OX reads it (decoded, trimmed). */
  readonly value: string;
  readonly keyRange: Span;
  /** The value in the source, trimmed; an empty span right after the separator when the value is empty. */
  readonly valueRange: Span;
  /** The whole source item (every line of a `.properties` entry). */
  readonly range: Span;
  readonly origin: SettingOrigin;
  /** What the catalog knows about the key. */
  readonly known?: KnownProperty;
  /** Its source cannot be read as OX reads it (a malformed escape), so its key and value are not to be trusted. */
  readonly malformed: boolean;
}

/** A setting and the document that holds it: what node and cluster views hand out. */
export interface PlacedSetting {
  readonly doc: ConfigDocument;
  readonly setting: Setting;
}

/** The range a finding about a setting's value points at: its value, or its key when the value is empty. */
export function valueOrKeyRange(setting: Setting): Span {
  return setting.value === '' ? setting.keyRange : setting.valueRange;
}
