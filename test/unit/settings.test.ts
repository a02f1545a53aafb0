import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE, mergeRuleSeverities, normalizeSettings } from '../../server/src/settings';

test('editor settings: unknown severities are dropped with a message, "info" reads as information, sizes in MB', () => {
  const problems: string[] = [];
  const settings = normalizeSettings(
    { rules: { 'unknown-key': 'Info', 'duplicate-key': 'loud' }, inlayHints: { enabled: false }, maxFileSize: 2 },
    problems,
  );
  assert.deepEqual(settings, { rules: { 'unknown-key': 'information' }, inlayHints: false, maxFileSize: 2 * 1024 * 1024 });
  assert.deepEqual(problems, ['Rule "duplicate-key": unknown severity "loud" (use off, hint, information, warning or error).']);
  assert.deepEqual(normalizeSettings(null), { rules: {}, inlayHints: true, maxFileSize: DEFAULT_MAX_FILE_SIZE });
});

test('an editor severity wins over .oxclusterconfig.json only where it differs from the rule default', () => {
  const defaults = new Map([
    ['unknown-key', 'warning'],
    ['duplicate-key', 'warning'],
  ] as const);
  // VS Code sends every rule's setting, mostly at its default: those must not undo the file's choices.
  const merged = mergeRuleSeverities(
    { 'unknown-key': 'off', 'duplicate-key': 'error' },
    { 'unknown-key': 'warning', 'duplicate-key': 'hint' },
    defaults,
  );
  assert.deepEqual(merged, { 'unknown-key': 'off', 'duplicate-key': 'hint' });
});
