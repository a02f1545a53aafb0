import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PropertyDef } from '../../server/src/catalog/types';
import { checkEmptyValue, checkValue } from '../../server/src/values/checkValue';
import { describeDuration, explainTimespan, parseTimespan } from '../../server/src/values/timespan';

const def = (extra: Partial<PropertyDef>): PropertyDef => ({ type: 'string', default: null, description: 'd', ...extra });

describe('time spans as OX parses them', () => {
  const cases: Array<[string, number]> = [
    ['1W', 604_800_000],
    ['2w', 1_209_600_000],
    ['1h30m', 5_400_000],
    ['2D 1h 12ms', 176_400_012],
    ['30000', 30_000],
    ['120s', 120_000],
    ['1M', 60_000],
    ['1.5h', 54_000_000],
    ['-5s', 5000],
    ['', 0],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} = ${expected} ms`, () => assert.deepEqual(parseTimespan(text), { ok: true, ms: expected }));
  }
  test('unknown units are rejected', () => {
    assert.deepEqual(parseTimespan('2 minutes'), { ok: false, problem: 'unknown-unit', unit: 'minutes' });
    assert.deepEqual(parseTimespan('1y'), { ok: false, problem: 'unknown-unit', unit: 'y' });
    assert.deepEqual(parseTimespan('h'), { ok: false, problem: 'no-number', unit: 'h' });
    assert.deepEqual(checkValue('2 minutes', def({ type: 'timespan' })), {
      error: '"2 minutes" is not a time span: unknown unit "minutes" (use ms, s, m, h, d or w).',
    });
    assert.deepEqual(checkValue('h', def({ type: 'timespan' })), { error: '"h" is not a time span: "h" has no number before it.' });
  });
  test('explained in words', () => {
    assert.equal(explainTimespan('1W'), '1W = 7 days = 604800 s');
    assert.equal(explainTimespan('90s'), '90s = 1 minute 30 seconds = 90 s');
    assert.equal(describeDuration(1_296_000_000), '2 weeks 1 day');
  });
});

describe('value checks', () => {
  test('booleans other than true/false are misread as false', () => {
    assert.deepEqual(checkValue('TRUE', def({ type: 'boolean' })), {});
    assert.deepEqual(checkValue('yes', def({ type: 'boolean' })), {
      misread: 'OX reads "yes" as false: only "true" (in any letter case) is true.',
    });
  });
  test('integers: parse, range and no-effect limit', () => {
    const backup = def({ type: 'integer', default: '1', min: 0, effectiveMax: 6 });
    assert.deepEqual(checkValue('3', backup), {});
    assert.deepEqual(checkValue('-1', backup), { error: '-1 is below the minimum 0.' });
    assert.deepEqual(checkValue('8', backup), { misread: 'Values above 6 have no further effect: OX works as if it were 6.' });
    assert.deepEqual(checkValue('1h', def({ type: 'integer', default: '3600000', unit: 'ms' })), {
      error:
        '"1h" is not an integer: OX cannot parse it and silently uses the default 3600000. Units are not allowed here: give a plain number of milliseconds.',
    });
    assert.deepEqual(checkValue('2147483648', def({ type: 'integer' })), { error: '"2147483648" is not an integer: OX cannot parse it.' });
  });
  test('ports and special values', () => {
    const port = def({ type: 'port', special: ['-1'] });
    assert.deepEqual(checkValue('5701', port), {});
    assert.deepEqual(checkValue('-1', port), {});
    assert.deepEqual(checkValue('70000', port), { error: '"70000" is not a port number (1-65535).' });
  });
  test('enums are case-insensitive unless said otherwise', () => {
    const join = def({ type: 'enum', values: ['empty', 'static', 'multicast'] });
    assert.deepEqual(checkValue('STATIC', join), {});
    assert.deepEqual(checkValue('statik', join), { error: '"statik" is not one of empty, static, multicast.' });
  });
  test('interface lists allow wildcards and ranges', () => {
    const interfaces = def({ type: 'interface-list' });
    assert.deepEqual(checkValue('10.0.0.*, 192.168.1.10-20', interfaces), {});
    assert.deepEqual(checkValue('10.0.0', interfaces), {
      error: '"10.0.0" is not an interface address (wildcards * and ranges such as 10.0.0.1-9 are allowed).',
    });
  });
  test('host lists accept names, addresses and ports', () => {
    const nodes = def({ type: 'host-list' });
    assert.deepEqual(checkValue('10.0.0.15,10.0.0.16:5701, ox-node3.example.com', nodes), {});
    assert.deepEqual(checkValue('10.0.0.15,,10.0.0.16', nodes), { misread: 'The list has an empty entry (a stray comma); OX skips it.' });
    assert.deepEqual(checkValue('10.0.0.1:99999', nodes), {
      error: '"10.0.0.1:99999" is not a host name or IP address (optionally with :port).',
    });
  });
  test('timespans: unknown units are errors, values under the minimum are misread', () => {
    const lifetime = def({ type: 'timespan', min: 3_600_000, raisesToMin: true });
    assert.deepEqual(checkValue('2W', lifetime), {});
    assert.deepEqual(checkValue('30 sec', lifetime), {
      error: '"30 sec" is not a time span: unknown unit "sec" (use ms, s, m, h, d or w).',
    });
    assert.deepEqual(checkValue('604800', lifetime), {
      misread:
        '604800 is below the minimum of 1 hour; OX raises it to that. A bare number is milliseconds: 604800 ms = 10 minutes 4 seconds 800 milliseconds.',
    });
  });
  test('below a minimum OX does not raise, the value is rejected', () => {
    assert.deepEqual(checkValue('5', def({ type: 'integer', min: 10 })), { error: '5 is below the minimum 10.' });
    assert.deepEqual(checkValue('5', def({ type: 'integer', min: 10, raisesToMin: true })), {
      misread: '5 is below the minimum of 10; OX raises it to that.',
    });
  });
  test('routes must not contain separators', () => {
    assert.deepEqual(checkValue('OX1', def({ type: 'route' })), {});
    assert.deepEqual(checkValue('OX 1', def({ type: 'route' })), {
      error: '"OX 1" must not contain ";", "," or white space: it is appended to the JSESSIONID cookie.',
    });
  });
  test('empty values', () => {
    assert.deepEqual(checkEmptyValue(def({ type: 'interface-list', empty: 'all interfaces' })), {});
    assert.deepEqual(checkEmptyValue(def({ type: 'integer', default: '5701' })), {
      misread: 'Empty: OX cannot parse it and uses the default 5701.',
    });
    assert.deepEqual(checkEmptyValue(def({ type: 'enum', values: ['a', 'b'] })), { error: 'Empty is not one of a, b.' });
    const rejected = 'cannot be converted: OX rejects the file as invalid configuration';
    assert.deepEqual(checkEmptyValue(def({ type: 'integer', empty: rejected, emptyRejected: true })), {
      error: 'Empty: cannot be converted: OX rejects the file as invalid configuration.',
    });
    // The catalog's flag decides, not its words.
    assert.deepEqual(checkEmptyValue(def({ type: 'integer', empty: rejected })), {
      misread: 'Empty: cannot be converted: OX rejects the file as invalid configuration.',
    });
    assert.deepEqual(checkEmptyValue(def({ type: 'string', empty: 'OX fails to start', emptyRejected: true })), {
      error: 'Empty: OX fails to start.',
    });
    assert.deepEqual(checkEmptyValue(def({ type: 'timespan', min: 3_600_000 })), {
      misread: 'Empty: OX reads a time span of 0 and raises it to the minimum of 1 hour.',
    });
  });
});

describe('IP addresses', () => {
  const ip = { type: 'ip-address', default: null, description: 'd' } as const;
  for (const good of ['10.0.0.1', '::1', 'fe80::1%eth0', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8']) {
    test(`${good} is an address`, () => assert.deepEqual(checkValue(good, ip), {}));
  }
  for (const bad of ['10.0.0.256', '10.0.0.1:5701', '1:2:3:4:5:6:7:8:9', '1::2::3', 'fe80::g']) {
    test(`${bad} is not`, () => assert.deepEqual(checkValue(bad, ip), { error: `"${bad}" is not an IP address.` }));
  }
});
