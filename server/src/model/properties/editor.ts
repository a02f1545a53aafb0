import { escapeKey, escapeValue } from '../../parser/javaText';
import { Span } from '../../parser/types';
import { lastSetting } from '../document';
import { DocumentEditor, FixIntent, listSeparator, TextEditSpec } from '../edits';
import { Setting } from '../setting';
import { entryLinesSpan, lineAfter, lineAtEnd } from './lineEdits';
import { entryAt } from './entries';
import type { OxDocument, OxEntry } from './propertiesDocument';

/** The first line break of a text, which new lines repeat. */
function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

function propertyLine(key: string, value: string): string {
  return `${escapeKey(key)}=${escapeValue(value)}`;
}

/** The content of a new `.properties` file that sets one key. */
export function newPropertiesFile(key: string, value: string): string {
  return `${propertyLine(key, value)}\n`;
}

/** Carries out fix intents on a `.properties` file with minimal edits that keep Java's reading of every other line. */
export class PropertiesEditor implements DocumentEditor {
  constructor(private readonly doc: OxDocument) {}

  edits(intent: FixIntent): TextEditSpec[] {
    const doc = this.doc;
    switch (intent.kind) {
      case 'set-value': {
        const e = this.entryOf(intent.setting);
        return [{ doc, ...e.valueRange, newText: this.separatorFor(e) + escapeValue(intent.value) }];
      }
      case 'rename-key':
        return [{ doc, ...intent.setting.keyRange, newText: escapeKey(intent.key) }];
      case 'remove':
        return this.removeLines(intent.settings).map((span) => ({ doc, ...span, newText: '' }));
      case 'put':
        return [this.put(intent.key, intent.value, intent.after)];
      case 'append-item': {
        const e = this.entryOf(intent.setting);
        const end = e.valueRange.end;
        return [{ doc, start: end, end, newText: this.separatorFor(e) + listSeparator(e.value) + escapeValue(intent.item) }];
      }
      case 'move': {
        const { setting, to } = intent;
        const removal = this.edits({ kind: 'remove', doc, settings: [setting] });
        if ('createUri' in to)
          return [...removal, { createUri: to.createUri, start: 0, end: 0, newText: newPropertiesFile(setting.key, setting.value) }];
        return [...removal, ...to.editor.edits({ kind: 'put', doc: to, key: setting.key, value: setting.value })];
      }
      case 'replace-text':
        return [{ doc, start: intent.start, end: intent.end, newText: intent.text }];
      case 'move-within':
      case 'put-at':
        // A .properties file has one flat map: there is nowhere else to move to.
        return [];
    }
  }

  /** The entry behind a setting of this document; a setting of another document (or version) is refused. */
  private entryOf(setting: Setting): OxEntry {
    const entry = 'entry' in setting ? entryAt(this.doc, (setting as OxEntry).entry.start) : undefined;
    if (entry !== setting) throw new Error(`Not a setting of ${this.doc.uri}`);
    return entry;
  }

  /** A key alone on its line has no separator: without one a new value would run into the key. */
  private separatorFor(e: OxEntry): string {
    return e.entry.separator === '' ? '=' : '';
  }

  /** Sets `key=value`: replaces the value of its last entry, or adds a line after `after` or at the end. */
  private put(key: string, value: string, after?: Setting): TextEditSpec {
    const doc = this.doc;
    const existing = lastSetting(doc, key);
    if (existing) return { doc, ...existing.valueRange, newText: this.separatorFor(existing) + escapeValue(value) };
    const line = propertyLine(key, value);
    const eol = lineBreakOf(doc.parsed.text);
    if (after) {
      const end = this.entryOf(after).entry.end;
      return { doc, start: end, end, newText: lineAfter(doc.parsed, end, line, eol) };
    }
    const end = doc.parsed.text.length;
    return { doc, start: end, end, newText: lineAtEnd(doc.parsed, line, eol) };
  }

  /** The lines of the settings, for deletion; spans of neighbouring entries that touch or overlap are merged. */
  private removeLines(settings: readonly Setting[]): Span[] {
    if (settings.length === 1) return [entryLinesSpan(this.doc, this.entryOf(settings[0]).entry)];
    const spans: Span[] = [];
    const sorted = settings.map((s) => entryLinesSpan(this.doc, this.entryOf(s).entry)).sort((a, b) => a.start - b.start);
    for (const span of sorted) {
      const last = spans[spans.length - 1];
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else spans.push({ ...span });
    }
    return spans;
  }
}
