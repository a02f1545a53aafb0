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
export function generateLargeFile(lines: number): string {
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
export function generateRealisticFile(targetBytes: number): string {
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
