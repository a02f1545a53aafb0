import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addressList,
  hostOf,
  isHost,
  isHostWithPort,
  isInterfacePattern,
  isIpAddress,
  isIpListEntry,
  isIpv4,
  isIpv4Loopback,
  isIpv6,
  isLoopback,
  isMulticastGroup,
  isPort,
  isPortListEntry,
  listEntries,
  staticHosts,
  wildcardFor,
} from '../../server/src/values/addresses';

const accepts = (f: (s: string) => boolean, ...list: string[]) =>
  assert.deepEqual(
    list.filter((s) => !f(s)),
    [],
    `${f.name} accepts`,
  );
const rejects = (f: (s: string) => boolean, ...list: string[]) => assert.deepEqual(list.filter(f), [], `${f.name} rejects`);

describe('addresses', () => {
  test('lists: trimmed entries, with or without the empty ones', () => {
    assert.deepEqual(listEntries(' a, b ,,c,'), ['a', 'b', '', 'c', '']);
    assert.deepEqual(addressList(' a, b ,,c,'), ['a', 'b', 'c']);
    assert.deepEqual(addressList(''), []);
  });

  test('IPv4 and IPv6', () => {
    accepts(isIpv4, '0.0.0.0', '10.0.0.1', '255.255.255.255');
    rejects(isIpv4, '256.0.0.1', '10.0.0', '10.0.0.01', '10.0.0.1.', ' 10.0.0.1');
    accepts(isIpv6, '::1', '::', 'fe80::1%eth0', '[2001:db8::1]', '2001:db8:0:0:0:0:0:1', '::ffff:10.0.0.1');
    rejects(isIpv6, '2001:db8::1::2', '2001:db8:0:0:0:0:1', 'gggg::1', '10.0.0.1', '1:2:3:4:5:6:7:8::');
    accepts(isIpAddress, '10.0.0.1', '::1');
    rejects(isIpAddress, 'localhost', '');
  });

  test('hosts and ports', () => {
    accepts(isHost, 'ox-node1.example.com', 'localhost', 'node_1', 'example.com.', '10.0.0.1');
    rejects(isHost, 'foo..bar', '-node', 'a b', '');
    accepts(isPort, '1', '5701', '65535', '+80');
    rejects(isPort, '0', '65536', '-1', '57o1', '');
    accepts(isHostWithPort, 'ox-node3', '10.0.0.1:5701', '[::1]:5701', '[fe80::1%eth0]', '::1');
    rejects(isHostWithPort, '10.0.0.1:99999', '[10.0.0.1]:5701', 'host:', 'foo..bar:5701');
  });

  test('loopback and multicast', () => {
    accepts(isLoopback, '127.0.0.1', '127.1.2.3', 'LOCALHOST', '::1');
    rejects(isLoopback, '10.0.0.1', '::2', 'localhost.example.com');
    assert.equal(isIpv4Loopback('127.0.0.1'), true);
    assert.equal(isIpv4Loopback('::1'), false);
    assert.equal(isIpv4Loopback('127.0.0'), false);
    accepts(isMulticastGroup, '224.2.2.3', '239.255.255.255', 'ff02::1', '[ff02::1]');
    rejects(isMulticastGroup, '10.0.0.1', '240.0.0.1', '223.255.255.255', 'fe80::1');
  });

  test('the hosts of a static node list, without ports', () => {
    assert.deepEqual(staticHosts('10.0.0.1:5701, [::1]:5702, host-a, fe80::1, , node:x'), ['10.0.0.1', '::1', 'host-a', 'fe80::1', 'node']);
    assert.equal(hostOf('[2001:db8::1]:5701'), '2001:db8::1');
    assert.deepEqual(staticHosts(''), []);
  });

  test('interface patterns, IP lists and port lists', () => {
    accepts(isInterfacePattern, '10.0.0.*', '10.0.0.1-9', '10.0.*.10-20', '*.*.*.*', '::1');
    rejects(isInterfacePattern, '10.0.0', '10.0.0.9-1', '10.0.0.1-256', '10.0.0.x');
    accepts(isIpListEntry, '10.0.0.0/8', '2001:db8::/32', '10.0.0.1-10.0.0.9', '10.0.0.1 - 10.0.0.9', '::1');
    rejects(isIpListEntry, '10.0.0.0/33', '::/129', '10.0.0.1-host', 'host');
    accepts(isPortListEntry, '5701', '5701-5710', '5701 - 5701');
    rejects(isPortListEntry, '5710-5701', '0-5', '5701-', 'x');
  });

  test('a wildcard for the addresses of a static node list', () => {
    assert.equal(wildcardFor(['10.0.0.1', '10.0.0.2']), '10.0.0.*');
    assert.equal(wildcardFor(['10.0.1.1', '10.0.2.2']), '10.0.*.*');
    assert.equal(wildcardFor(['10.0.0.1']), '10.0.0.*', 'one address: its /24');
    assert.equal(wildcardFor(['10.1.0.1', '10.2.0.1']), undefined);
    assert.equal(wildcardFor(['10.0.0.1', 'host-b']), undefined);
    assert.equal(wildcardFor([]), undefined);
  });
});
