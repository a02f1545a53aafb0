// Which character set each OX version reads .properties files in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import data from '../../schemas/versions/charset.json';
import schema from '../../schemas/versions/charset.schema.json';
import { propertiesCharsetOf } from '../../server/src/catalog/propertiesCharset';
import { compareOxVersions, parseOxVersion } from '../../server/src/util/versions';

const v = (text: string) => parseOxVersion(text)!;

test('the charset facts are valid and in order', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  for (let i = 1; i < data.readings.length; i++)
    assert.ok(compareOxVersions(v(data.readings[i - 1].oxFrom), v(data.readings[i].oxFrom)) < 0);
});

test('7.x reads ISO-8859-1, 8.x UTF-8, an unknown version or one before 7.0 nothing known', () => {
  assert.equal(propertiesCharsetOf(v('7.10.6-35')), 'ISO-8859-1');
  assert.equal(propertiesCharsetOf(v('7.8')), 'ISO-8859-1');
  assert.equal(propertiesCharsetOf(v('8.0')), 'UTF-8');
  assert.equal(propertiesCharsetOf(v('8.19.0')), 'UTF-8');
  assert.equal(propertiesCharsetOf(v('6.22')), undefined);
  assert.equal(propertiesCharsetOf(undefined), undefined);
});
