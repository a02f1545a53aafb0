// Generated OX files for benchmarks and scale tests (deterministic).

const HAZELCAST_LINES = [
  'com.openexchange.hazelcast.group.name=bench-cluster',
  'com.openexchange.hazelcast.network.join=static',
  'com.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3',
  'com.openexchange.hazelcast.network.interfaces=10.0.0.*',
  'com.openexchange.hazelcast.network.port=5701',
  'com.openexchange.hazelcast.merge.firstRunDelay=120s',
  'com.openexchange.hazelcast.healthMonitorLevel=silent',
  'com.openexchange.hazelcast.jmx=true',
  'com.openexchange.hazelcast.maxOperationTimeout=30000',
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
        out.push(HAZELCAST_LINES[n % HAZELCAST_LINES.length]);
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
        out.push(`com.openexchange.hazelcast.diagnostics.enabled=${n % 2 === 0}`);
        break;
      default:
        out.push(`custom.path.${n}: /opt/open-xchange/etc/file-${n}.properties`);
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}
