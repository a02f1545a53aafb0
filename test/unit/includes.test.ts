// Include and IncludeOptional of the httpd files: the files they name join the workspace, a missing one is
// an information on its line, and nesting ends at a depth limit and at cycles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveIncludes } from '../../server/src/analysis/includes';
import { isApacheDocument } from '../../server/src/model/apache/apacheDocument';
import { parseFile } from '../../server/src/analysis/load';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog, Files, memoryHost, relativeOf, ROOT, uriOf } from '../support/memoryHost';

async function resolved(files: Files, from: string) {
  const doc = parseFile(uriOf(from), files[from], catalog);
  assert.ok(doc && isApacheDocument(doc));
  return (await resolveIncludes(memoryHost(files), doc, [ROOT])).map((r) => ({
    line: r.directive.line + 1,
    files: r.files.map(relativeOf),
    missing: r.missing,
  }));
}

async function service(files: Files) {
  const service = createLanguageService({
    catalog,
    host: memoryHost(files),
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.id} failed: ${String(error)}`);
    },
  });
  const messages = await service.reconfigure({ catalog, roots: [{ uri: ROOT, discover: {} }], clusters: [], maxFileSize: Infinity });
  await service.analyzeAll(DEFAULT_SETTINGS);
  return { service, messages };
}

const lines = (
  svc: { diagnostics(uri: string): Array<{ range: { start: { line: number } }; severity?: number; code?: unknown; message: string }> },
  path: string,
) => svc.diagnostics(uriOf(path)).map((d) => `${d.range.start.line + 1} ${d.severity} ${String(d.code)} ${d.message}`);

const PROXY = [
  '<Proxy balancer://oxcluster>',
  '  BalancerMember http://ox1:8009 route=APP1',
  '  BalancerMember http://ox2:8009 route=APP2',
  '</Proxy>',
  '',
].join('\n');

describe('where an Include looks', () => {
  test('beside the file, then below ServerRoot (its apache2/ or httpd/ folder); wildcards and folders, in name order', async () => {
    const files: Files = {
      'etc/apache2/sites-enabled/ox.conf': [
        'Include ox-members.conf',
        'Include conf.d/*.conf',
        'IncludeOptional mods-enabled',
        'Include /etc/apache2/extra/b.conf',
        `Include ${'/ws/lb/abs.conf'}`,
        '',
      ].join('\n'),
      'etc/apache2/sites-enabled/ox-members.conf': '',
      'etc/apache2/conf.d/b.conf': '',
      'etc/apache2/conf.d/a.conf': '',
      'etc/apache2/conf.d/notes.txt': '',
      'etc/apache2/mods-enabled/proxy.load': '',
      'etc/apache2/mods-enabled/sub/proxy.conf': '',
      'etc/apache2/extra/b.conf': '',
      'lb/abs.conf': '',
    };
    assert.deepEqual(await resolved(files, 'etc/apache2/sites-enabled/ox.conf'), [
      { line: 1, files: ['etc/apache2/sites-enabled/ox-members.conf'], missing: false },
      { line: 2, files: ['etc/apache2/conf.d/a.conf', 'etc/apache2/conf.d/b.conf'], missing: false },
      { line: 3, files: ['etc/apache2/mods-enabled/sub/proxy.conf'], missing: false },
      { line: 4, files: ['etc/apache2/extra/b.conf'], missing: false },
      { line: 5, files: ['lb/abs.conf'], missing: false },
    ]);
  });

  test('missing: an Include whose place the workspace holds; not IncludeOptional, nor a place outside the workspace', async () => {
    const files: Files = {
      'httpd/conf/httpd.conf': [
        'Include conf.d/gone.conf',
        'Include conf.modules.d/*.conf',
        'IncludeOptional conf.d/gone.conf',
        'Include /opt/other/x.conf',
        'Include ${APACHE_CONFDIR}/x.conf',
        '',
      ].join('\n'),
      'lb/proxy_http.conf': 'Include ox/gone.conf\n',
    };
    assert.deepEqual(await resolved(files, 'httpd/conf/httpd.conf'), [
      { line: 1, files: [], missing: true },
      { line: 2, files: [], missing: true },
      { line: 3, files: [], missing: false },
      { line: 4, files: [], missing: false },
    ]);
    // No ServerRoot above the file: where httpd looks is unknown, so nothing is said.
    assert.deepEqual(await resolved(files, 'lb/proxy_http.conf'), [{ line: 1, files: [], missing: false }]);
  });
});

describe('included files in the workspace', () => {
  const FILES: Files = {
    'ox/ox1/etc/server.properties': 'com.openexchange.server.backendRoute=APP1\n',
    'ox/ox2/etc/server.properties': 'com.openexchange.server.backendRoute=APP2\n',
    'web/apache2/apache2.conf': 'Include ../balancer/oxcluster.conf\nInclude sites-enabled/ox.conf\n',
    'web/balancer/oxcluster.conf': PROXY,
  };

  test('a file only an Include names is read and checked; a missing one is an information on its line', async () => {
    const { service: svc, messages } = await service(FILES);
    assert.deepEqual(messages, []);
    assert.deepEqual(svc.uris().map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
      'web/balancer/oxcluster.conf',
    ]);
    assert.deepEqual(lines(svc, 'web/apache2/apache2.conf'), [
      '2 3 syntax Nothing in the workspace matches "sites-enabled/ox.conf": httpd refuses to start when an Include finds no file (IncludeOptional would skip it), unless the server holds files this copy lacks.',
    ]);
    assert.deepEqual(lines(svc, 'web/balancer/oxcluster.conf'), [
      '1 1 balancer-not-sticky balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.',
    ]);
  });

  test('file events: a missing file that appears is read and the information goes; an Include removed drops its file', async () => {
    const files: Files = { ...FILES };
    const { service: svc } = await service(files);
    files['web/apache2/sites-enabled/ox.conf'] = '';
    assert.equal(await svc.fileChanged(uriOf('web/apache2/sites-enabled/ox.conf'), false), true);
    // The including file is analysed again with the new one, and so is the cluster they are in front of.
    assert.deepEqual(
      svc
        .update([uriOf('web/apache2/sites-enabled/ox.conf')], DEFAULT_SETTINGS)
        .map(relativeOf)
        .sort(),
      [
        'ox/ox1/etc/server.properties',
        'ox/ox2/etc/server.properties',
        'web/apache2/apache2.conf',
        'web/apache2/sites-enabled/ox.conf',
        'web/balancer/oxcluster.conf',
      ],
    );
    assert.deepEqual(lines(svc, 'web/apache2/apache2.conf'), []);

    files['web/apache2/apache2.conf'] = 'Include sites-enabled/ox.conf\n';
    assert.equal(await svc.fileChanged(uriOf('web/apache2/apache2.conf'), false), true);
    assert.deepEqual(svc.uris().map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
      'web/apache2/sites-enabled/ox.conf',
    ]);
  });

  test('Include lines typed into an open file: the files they name are read at once; removing the line drops them', async () => {
    const files: Files = { ...FILES, 'web/apache2/apache2.conf': '# no includes yet\n' };
    const { service: svc } = await service(files);
    const uri = uriOf('web/apache2/apache2.conf');
    const edit = (version: number, text: string) => svc.open(TextDocument.create(uri, 'apacheconf', version, text));
    assert.deepEqual(svc.uris().map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
    ]);

    edit(2, '# no includes yet\nInclude ../balancer/oxcluster.conf\n');
    assert.equal(await svc.prepare(uri), true);
    assert.deepEqual(svc.update([uri], DEFAULT_SETTINGS).map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
      'web/balancer/oxcluster.conf',
    ]);
    assert.deepEqual(lines(svc, 'web/balancer/oxcluster.conf'), [
      '1 1 balancer-not-sticky balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.',
    ]);
    // Typing elsewhere in the file reads nothing again.
    edit(3, '# no includes yet, see below\nInclude ../balancer/oxcluster.conf\n');
    assert.equal(await svc.prepare(uri), false);

    edit(4, '# no includes yet\n');
    assert.equal(await svc.prepare(uri), true);
    assert.deepEqual(svc.update([uri], DEFAULT_SETTINGS).map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
      'web/balancer/oxcluster.conf',
    ]);
    assert.deepEqual(lines(svc, 'web/balancer/oxcluster.conf'), []);
    assert.equal(svc.uris().map(relativeOf).includes('web/balancer/oxcluster.conf'), false);
  });

  test('an edit while the files of the one before are still read: the last text wins', async () => {
    const files: Files = { ...FILES, 'web/apache2/apache2.conf': '' };
    // Reading the included file waits until the next edit has come in.
    const gate: { open?: () => void } = {};
    const disk = memoryHost(files);
    const host = {
      ...disk,
      readFile: async (uri: string, encoding?: 'latin1' | 'utf8') => {
        if (uri.endsWith('/oxcluster.conf')) await new Promise<void>((resolve) => (gate.open = resolve));
        return disk.readFile(uri, encoding);
      },
    };
    const svc = createLanguageService({ catalog, host });
    await svc.reconfigure({ catalog, roots: [{ uri: ROOT, discover: {} }], clusters: [], maxFileSize: Infinity });
    const uri = uriOf('web/apache2/apache2.conf');
    const edit = (version: number, text: string) => svc.open(TextDocument.create(uri, 'apacheconf', version, text));
    edit(2, 'Include ../balancer/oxcluster.conf\n');
    const first = svc.prepare(uri);
    while (!gate.open) await new Promise((resolve) => setImmediate(resolve));
    edit(3, '');
    const second = svc.prepare(uri);
    gate.open();
    assert.deepEqual([await first, await second], [true, true]);
    svc.update([uri], DEFAULT_SETTINGS);
    assert.deepEqual(svc.uris().map(relativeOf).sort(), [
      'ox/ox1/etc/server.properties',
      'ox/ox2/etc/server.properties',
      'web/apache2/apache2.conf',
    ]);
  });

  test('a cycle reads each file once; nesting deeper than 8 files stops with a message', async () => {
    const cycle: Files = {
      'apache2/a.conf': 'Include ../x/b.conf\n',
      'x/b.conf': 'Include ../apache2/a.conf\nInclude c.conf\n',
      'x/c.conf': 'Include b.conf\n',
    };
    const { service: svc, messages } = await service(cycle);
    assert.deepEqual(messages, []);
    assert.deepEqual(svc.uris().map(relativeOf).sort(), ['apache2/a.conf', 'x/b.conf', 'x/c.conf']);

    const deep: Files = { 'apache2/0.conf': 'Include ../chain/1.conf\n' };
    for (let i = 1; i <= 10; i++) deep[`chain/${i}.conf`] = `Include ${i + 1}.conf\n`;
    deep['chain/11.conf'] = '';
    const chain = await service(deep);
    assert.deepEqual(chain.messages, [
      `${uriOf('chain/9.conf')} is included more than 8 files deep (last by ${uriOf('chain/8.conf')}); not read.`,
    ]);
    assert.equal(chain.service.uris().length, 9);
  });
});
