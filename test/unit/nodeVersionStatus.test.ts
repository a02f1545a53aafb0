import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceOver, uriOf } from '../support/memoryHost';

const HOW =
  'Rules that depend on the version stay silent or say what they assume. Add a package list (packages.txt), or declare oxVersion in .oxclusterconfig.json or the oxClusterConfig.oxVersion setting.';

test("the status bar's node version: from the package list, from image.tag, unknown, or no node at all", async () => {
  const service = await serviceOver({
    'c/ox1/packages.txt': 'ii  open-xchange-core 8.19.0-4\n',
    'c/ox1/etc/server.properties': 'com.openexchange.server.backendRoute=APP1\n',
    'c/ox2/etc/server.properties': 'com.openexchange.server.backendRoute=APP2\n',
    'c/ox3/packages.txt': 'ii  open-xchange-core 7.10.6-35\n',
    'c/ox3/etc/server.properties': 'com.openexchange.server.backendRoute=APP3\n',
    'k8s/values.yaml': 'image:\n  tag: 8.49.108\nproperties:\n  com.openexchange.hazelcast.group.name: prod\n',
    'k8s/values-dev.yaml': 'properties:\n  com.openexchange.hazelcast.group.name: dev\n',
    'c/apache2/proxy_http.conf': '<Proxy balancer://ox>\n  BalancerMember http://ox1:8009 route=APP1\n</Proxy>\n',
  });
  assert.deepEqual(service.nodeVersion(uriOf('c/ox1/etc/server.properties')), {
    node: 'ox1',
    version: '8.19.0',
    detail: 'Node ox1 runs OX 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt).',
    charset: 'UTF-8',
  });
  assert.deepEqual(service.nodeVersion(uriOf('c/ox2/etc/server.properties')), {
    node: 'ox2',
    detail: `The OX version of node ox2 is unknown. ${HOW}`,
  });
  assert.deepEqual(service.nodeVersion(uriOf('c/ox3/etc/server.properties'))?.charset, 'ISO-8859-1');
  assert.deepEqual(service.nodeVersion(uriOf('k8s/values.yaml')), {
    node: 'k8s/values.yaml',
    version: '8.49.108',
    detail: 'Release k8s/values.yaml runs OX 8.49.108 (image.tag in values.yaml).',
  });
  assert.deepEqual(service.nodeVersion(uriOf('k8s/values-dev.yaml')), {
    node: 'k8s/values-dev.yaml',
    detail: `The OX version of release k8s/values-dev.yaml is unknown: its values set no explicit image.tag. ${HOW}`,
  });
  assert.equal(service.nodeVersion(uriOf('c/apache2/proxy_http.conf')), undefined);
});

test('a template is shown as UTF-8 whatever the version: configuration management reads and renders it so', async () => {
  const service = await serviceOver({
    'role/templates/etc/server.properties.j2': 'com.openexchange.server.backendRoute={{ route }}\n',
    'old/packages.txt': 'ii  open-xchange-core 7.10.6-35\n',
    'old/etc/server.properties.j2': 'com.openexchange.server.backendRoute={{ route }}\n',
  });
  assert.deepEqual(service.nodeVersion(uriOf('role/templates/etc/server.properties.j2')), {
    node: 'templates',
    detail: `The OX version of node templates is unknown. ${HOW}`,
    charset: 'UTF-8',
  });
  assert.equal(service.nodeVersion(uriOf('old/etc/server.properties.j2'))?.charset, 'UTF-8');
});
