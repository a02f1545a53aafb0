// Generated OX files for benchmarks and scale tests (deterministic).

/** Each known key appears once, as in a real file; the rest of the file is site-specific keys. */
const HAZELCAST_LINES = [
  'com.openexchange.hazelcast.enabled=true',
  'com.openexchange.hazelcast.group.name=bench-cluster',
  'com.openexchange.hazelcast.network.join=static',
  'com.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3',
  'com.openexchange.hazelcast.network.interfaces=10.0.0.*',
  'com.openexchange.hazelcast.network.port=5701',
  'com.openexchange.hazelcast.network.portOffset=auto',
  'com.openexchange.hazelcast.merge.firstRunDelay=120s',
  'com.openexchange.hazelcast.merge.runDelay=120s',
  'com.openexchange.hazelcast.healthMonitorLevel=silent',
  'com.openexchange.hazelcast.jmx=true',
  'com.openexchange.hazelcast.maxOperationTimeout=30000',
  'com.openexchange.hazelcast.liteMember=false',
  'com.openexchange.hazelcast.logging.enabled=true',
  'com.openexchange.hazelcast.memcache.enabled=false',
  'com.openexchange.hazelcast.rest.enabled=false',
  'com.openexchange.hazelcast.network.enableIPv6Support=false',
  'com.openexchange.hazelcast.diagnostics.enabled=false',
  'com.openexchange.hazelcast.network.portAutoIncrement=true',
  'com.openexchange.hazelcast.socket.bindAny=false',
];

/** A hazelcast.properties-like file of about `lines` lines: comments, known keys, custom keys, continuations. */
export function generateHazelcastStressFile(lines: number): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    const n = i++;
    switch (n % 8) {
      case 0:
        out.push(`# Section ${n}: settings written by the benchmark generator`);
        break;
      case 1:
        out.push(HAZELCAST_LINES[(n - 1) / 8] ?? `custom.known.like.${n}=true`);
        break;
      case 2:
        out.push(`custom.setting.${n} = value-${n}`);
        break;
      case 3:
        out.push(`custom.list.${n}=alpha,\\`, `    beta,\\`, `    gamma`);
        break;
      case 4:
        out.push('');
        break;
      case 5:
        out.push(`custom.escaped.${n}=tab\\there \\u00e9t\\u00E9`);
        break;
      case 6:
        out.push(`custom.flag.${n}=${n % 3 === 0}`);
        break;
      default:
        out.push(`custom.path.${n}: /opt/open-xchange/etc/file-${n}.properties`);
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const MAPS = [
  'sessions-7',
  'authcode-1',
  'oidcAuthInfos-0',
  'oidcLogoutInfos-0',
  'samlAuthnRequestInfos-0',
  'tokenSessions-2',
  'rtClientMapping-1',
  'rtGroupMapping-1',
  'dovecotnotify-1',
  'filemanagement-0',
];

/** Files of a generated workspace: `clusters` clusters of `nodesPerCluster` nodes, 15 files each. */
export function generateWorkspaceFiles(clusters: number, nodesPerCluster: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let c = 0; c < clusters; c++) {
    const hosts = Array.from({ length: nodesPerCluster }, (_, n) => `10.${c}.0.${n + 1}`);
    for (let n = 0; n < nodesPerCluster; n++) {
      const etc = `cluster${c}/node${n + 1}/etc`;
      files[`${etc}/hazelcast.properties`] = [
        '# generated node configuration',
        `com.openexchange.hazelcast.group.name=cluster${c}`,
        'com.openexchange.hazelcast.network.join=static',
        `com.openexchange.hazelcast.network.join.static.nodes=${hosts.join(',')}`,
        `com.openexchange.hazelcast.network.interfaces=${hosts[n]}`,
        'com.openexchange.hazelcast.network.port=5701',
        `com.openexchange.hazelcast.liteMember=${n >= 3}`,
        '',
      ].join('\n');
      files[`${etc}/sessiond.properties`] =
        'com.openexchange.sessiond.sessionLongLifeTime=1W\ncom.openexchange.sessiond.maxSession=50000\n';
      files[`${etc}/cache.properties`] = 'com.openexchange.caching.jcs.eventInvalidation=true\n';
      files[`${etc}/server.properties`] = `com.openexchange.server.backendRoute=OX${c}_${n}\n`;
      files[`${etc}/cache.ccf`] = 'jcs.default=\njcs.region.User=LTCP\njcs.region.User.cacheattributes.MaxObjects=4000000\n';
      for (const map of MAPS) {
        files[`${etc}/hazelcast/${map.replace(/-\d+$/, '')}.properties`] = [
          `com.openexchange.hazelcast.configuration.map.name=${map}`,
          'com.openexchange.hazelcast.configuration.map.backupCount=1',
          'com.openexchange.hazelcast.configuration.map.asyncBackupCount=0',
          'com.openexchange.hazelcast.configuration.map.maxIdleSeconds=640000',
          '',
        ].join('\n');
      }
    }
  }
  return files;
}

/**
 * A large file shaped like real configuration: mostly `key=value` lines, every tenth a comment, and one
 * line in a hundred continued or escaped (the 5,000-line stress file above has far more of those).
 */
export function generateRealisticPropertiesFile(targetBytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let n = 0; size < targetBytes; n++) {
    let line: string;
    if (n % 10 === 0) line = `# settings of site ${n} (generated)`;
    else if (n % 100 === 1) line = `site.list.${n}=alpha,\\\n    beta`;
    else if (n % 100 === 2) line = `site.name.${n}=M\\u00fcnchen ${n}`;
    else line = `site.setting.${n}.timeout = ${n % 977}s`;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n') + '\n';
}

/** OX keys a values file sets, with values OX accepts: catalog keys first, then keys of other OX files. */
const VALUES_ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ['com.openexchange.sessiond.maxSession', '"50000"'],
  ['com.openexchange.sessiond.maxSessionPerUser', '"100"'],
  ['com.openexchange.sessiond.maxSessionPerClient', '"0"'],
  ['com.openexchange.sessiond.sessionDefaultLifeTime', '"3600000"'],
  ['com.openexchange.sessiond.sessionLongLifeTime', '1W'],
  ['com.openexchange.sessiond.randomTokenTimeout', '"30000"'],
  ['com.openexchange.sessiond.asyncPutToSessionStorage', '"true"'],
  ['com.openexchange.sessiond.maxSessionPerLink', '"250"'],
  ['com.openexchange.sessiond.maxSessionPerGuest', '"20"'],
  ['com.openexchange.sessiond.redis.enabled', '"false"'],
  ['com.openexchange.server.considerXForwards', '"true"'],
  ['com.openexchange.server.forHeader', 'X-Forwarded-For'],
  ['com.openexchange.connector.maxRequestParameters', '"1000"'],
  ['com.openexchange.hazelcast.merge.firstRunDelay', '120s'],
  ['com.openexchange.hazelcast.merge.runDelay', '120s'],
  ['com.openexchange.hazelcast.healthMonitorLevel', 'silent'],
  ['com.openexchange.hazelcast.maxOperationTimeout', '"30000"'],
  ['com.openexchange.hazelcast.jmx', '"true"'],
  ['com.openexchange.hazelcast.logging.enabled', '"true"'],
  ['com.openexchange.hazelcast.diagnostics.enabled', '"false"'],
  ['com.openexchange.hazelcast.shutdownOnOutOfMemory', '"true"'],
  ['com.openexchange.caching.jcs.eventInvalidation', '"true"'],
  ['com.openexchange.push.allowPermanentPush', '"true"'],
  ['com.openexchange.push.credstorage.enabled', '"false"'],
  ['com.openexchange.push.udp.pushEnabled', '"false"'],
  ['com.openexchange.sessionstorage.hazelcast.enabled', '"true"'],
  ['com.openexchange.imap.imapTimeout', '"50000"'],
  ['com.openexchange.imap.imapConnectionTimeout', '"20000"'],
  ['com.openexchange.imap.maxNumExternalConnections', '"20"'],
  ['com.openexchange.mail.defaultMailProvider', 'imap'],
  ['com.openexchange.mail.loginSource', 'login'],
  ['com.openexchange.mail.mailServerSource', 'global'],
  ['com.openexchange.mail.transportServerSource', 'global'],
  ['com.openexchange.mail.maxToCcBcc', '"500"'],
  ['com.openexchange.smtp.smtpTimeout', '"50000"'],
  ['com.openexchange.smtp.smtpConnectionTimeout', '"10000"'],
  ['com.openexchange.capability.filestore', '"true"'],
  ['com.openexchange.capability.drive', '"true"'],
  ['com.openexchange.calendar.birthdays.enabled', '"true"'],
  ['com.openexchange.contact.autocomplete.fuzzy', '"false"'],
  ['com.openexchange.database.replicationMonitor', '"true"'],
  ['com.openexchange.mail.autoconfig.ispdb', '"false"'],
  ['com.openexchange.oauth.provider.enabled', '"false"'],
  ['com.openexchange.ajax.response.includeStackTraceOnError', '"false"'],
];

/** `count` entries of one values map (distinct keys), every seventh filled by a helmfile expression. */
function valuesEntryLines(indent: string, count: number, seed: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(count, VALUES_ENTRIES.length); i++) {
    const [key, value] = VALUES_ENTRIES[(seed + i) % VALUES_ENTRIES.length];
    if (i % 7 === 3) out.push(`${indent}${key}: {{ .Values.ox.${key.split('.').pop()} | quote }}`);
    else out.push(`${indent}${key}: ${value}${i % 5 === 1 ? ' # site default' : ''}`);
  }
  return out;
}

/**
 * A helmfile values template of the core-mw chart of about `targetBytes`: release-wide properties with
 * if/else branches, propertiesFiles, custom roles with their own values, and node types under
 * scaling.nodes, each with properties and a per-file map; helmfile expressions and comments throughout.
 */
export function generateHelmfileValues(targetBytes: number): string {
  const out = [
    '# Values of the core-mw chart for {{ .Environment.Name }}: helmfile renders this file before Helm reads it.',
    'core-mw:',
    '  hzGroupName: {{ .Values.clusterName | default "appsuite" }}',
    '  globalDBID: {{ .Values.globalDBID }}',
    '  image:',
    '    tag: {{ requiredEnv "APPSUITE_TAG" | quote }}',
    '  properties:',
    ...valuesEntryLines('    ', 20, 0),
    '{{- if eq .Environment.Name "prod" }}',
    '    com.openexchange.hazelcast.network.symmetricEncryption: "false"',
    '{{- else }}',
    '    com.openexchange.hazelcast.network.enableIPv6Support: "false"',
    '{{- end }}',
    '  propertiesFiles:',
    '    /opt/open-xchange/etc/sessiond.properties:',
    ...valuesEntryLines('      ', 8, 0),
    '    /opt/open-xchange/etc/hazelcast.properties:',
    ...valuesEntryLines('      ', 6, 13),
  ];
  const size = () => out.reduce((n, line) => n + line.length + 1, 0);
  // Roles and node types alternate in blocks until the file is large enough; they are joined at the end.
  const roles: string[] = ['  roles:'];
  const nodes: string[] = ['  scaling:', '    nodes:'];
  const grown = () => size() + roles.reduce((n, l) => n + l.length + 1, 0) + nodes.reduce((n, l) => n + l.length + 1, 0);
  for (let t = 0; grown() < targetBytes; t++) {
    roles.push(
      `    site-role-${t}:`,
      `      # role ${t}: settings shared by the node types that list it`,
      '      values:',
      '        properties:',
      ...valuesEntryLines('          ', 12, t * 5),
    );
    nodes.push(
      `      type-${t}:`,
      `        replicas: {{ .Values.replicas.type${t} | default 2 }}`,
      `        roles: [${t % 3 === 0 ? 'http-api' : t % 3 === 1 ? 'sync' : 'admin'}, site-role-${t}]`,
      '        values:',
      '          properties:',
      ...valuesEntryLines('            ', 16, t * 3),
      `{{- if .Values.debug.type${t} }}`,
      '            com.openexchange.ajax.response.includeArguments: "true"',
      '{{- end }}',
      '          propertiesFiles:',
      '            /opt/open-xchange/etc/mail.properties:',
      ...valuesEntryLines('              ', 6, 29 + t),
    );
  }
  return [...out, ...roles, ...nodes, ''].join('\n');
}

/**
 * File `index` (0, 1, 2) of a release applied in that order: the base file sets release-wide properties and
 * declares `types` node types; the overlays set other values on the same types (and change replicas).
 */
export function generateReleaseValues(index: number, types: number): string {
  const out = [`# core-mw values, layer ${index} of the release`, 'core-mw:'];
  if (index === 0) out.push('  hzGroupName: bench-release', '  properties:', ...valuesEntryLines('    ', 24, 0));
  else out.push('  properties:', ...valuesEntryLines('    ', 8, index * 11));
  out.push('  scaling:', '    nodes:');
  for (let t = 0; t < types; t++) {
    out.push(`      type-${t}:`, `        replicas: ${1 + ((t + index) % 4)}`);
    if (index === 0) out.push(`        roles: [${t < 3 ? 'documents' : t % 2 ? 'http-api' : 'sync'}]`);
    out.push('        values:', '          properties:', ...valuesEntryLines('            ', 10, t * 7 + index));
  }
  return [...out, ''].join('\n');
}
