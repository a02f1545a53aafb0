import { KnownProperty } from '../catalog/catalog';
import { Span } from '../parser/types';
import type { ConfigDocument } from './document';

/** Where a setting was written: a `.properties` line, or an entry of an OX-key map in a Helm values file. */
export type SettingOrigin = 'properties-line' | 'values-entry';

/**
 * Why a value cannot be known from the file: a template fills it in before deployment (`template`), OX
 * resolves a `{{env NAME}}`-style token at run time (`ox-token`), a deployment script replaces a `${VAR}` or
 * `%%NAME%%` (`variable`), it is a YAML map or list rather than text (`structure`), or YAML `null`, which
 * deletes the chart's default (`null`). Value checks skip such a setting; key checks still run.
 */
export type UnknownValue = 'template' | 'ox-token' | 'variable' | 'structure' | 'null';

/** A deployment step hands OX other text than the source writes (Helm reads an unquoted `on` as `true`). */
export interface Retyping {
  /** The value as the source writes it; the setting's `value` is what OX receives. */
  readonly written: string;
  /** Why OX receives other text, in words that name no part of the value. */
  readonly why: string;
  /** What keeps the written text, as an imperative sentence (also a fix's title). */
  readonly keep: string;
}

/**
 * One OX key set to a value in one source document: what every rule reasons about, whatever the format.
 * Ranges are offsets into the document's text.
 */
export interface Setting {
  /** The key as written, as OX reads it (decoded, trimmed). */
  readonly key: string;
  /** The key OX means: a Hazelcast field key such as BACKUPCOUNT counts as backupCount. */
  readonly canonicalKey: string;
  /** The value as OX reads it (decoded, trimmed; as a deployment step hands it on, see `retyped`). */
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
  /** Set when the value is not known before deployment; see UnknownValue. */
  readonly unknownValue?: UnknownValue;
  /** Set when OX receives other text than the source writes. */
  readonly retyped?: Retyping;
  /**
   * The map the setting is written in when a document has several (a values file's `properties` of one role):
   * settings of one key overwrite each other only within one scope. Unset for a `.properties` file.
   */
  readonly scope?: string;
  /** The template branch it is in (see template/scan.ts); settings in exclusive branches never render together. */
  readonly branch?: string;
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
