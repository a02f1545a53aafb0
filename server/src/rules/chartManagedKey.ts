import { CORE_MW } from '../catalog/chartFacts';
import { chartRootValues, entriesOf } from '../model/helm/chartValues';
import { isValuesDocument } from '../model/helm/valuesDocument';
import { Finding, Fix, Rule } from './rule';

const BY_KEY = new Map(CORE_MW.chartManagedProperties.map((p) => [p.key, p]));

/** Why the chart's own value must stand, by what sets it. */
function reason(setBy: string, value: string | undefined): string {
  switch (setBy) {
    case 'hzGroupName':
      return 'the chart sets it from hzGroupName, on every pod alike';
    case 'role':
      return "it follows the node type's roles (hazelcast-lite-member before chart 6.0.1)";
    case 'default':
      return `the headless Service of the Hazelcast pods publishes the default${value ? ` ${value}` : ''}, which the pods probe`;
    default:
      return `the image sets it${value ? ` to ${value}` : ''} so that the pods find each other through the headless Service`;
  }
}

/** An OX property of the Hazelcast wiring that the chart or image sets, overridden in a values file. */
export const chartManagedKeyRule: Rule = {
  id: 'chart-managed-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A Hazelcast wiring property that the core-mw chart or its image sets (join mode, service DNS, interfaces, port, group name, lite member) overridden in a values file.',
  fixable: true,
  check: ({ doc }) => {
    if (!isValuesDocument(doc)) return [];
    const findings: Finding[] = [];
    for (const s of doc.settings) {
      const managed = BY_KEY.get(s.canonicalKey);
      if (!managed) continue;
      const remove: Fix = { title: `Remove "${s.key}"`, preferred: true, intents: [{ kind: 'remove', doc, settings: [s] }] };
      const moveToChart: Fix = {
        title: 'Move the value to hzGroupName',
        preferred: true,
        intents: [
          { kind: 'remove', doc, settings: [s] },
          { kind: 'put-at', doc, path: ['hzGroupName'], value: s.value },
        ],
      };
      // A group name of its own already set at the chart root stays; the property is only removed then.
      const named = chartRootValues(doc).some((root) =>
        entriesOf(root.values, 'hzGroupName').some(({ value }) => value?.kind === 'scalar' && value.value !== '' && value.value !== null),
      );
      const fixes = managed.setBy === 'hzGroupName' && !named && !s.unknownValue && s.value !== '' ? [moveToChart] : [remove];
      const instead =
        managed.setBy === 'hzGroupName'
          ? ' Set hzGroupName instead.'
          : managed.setBy === 'role'
            ? ' Give the node type the role instead.'
            : '';
      findings.push({
        ...s.keyRange,
        message: `"${s.key}" is part of the Hazelcast wiring of the core-mw chart: ${reason(managed.setBy, managed.value)}. Overriding it here can keep the pods from forming one cluster.${instead}`,
        fixes,
      });
    }
    return findings;
  },
};
