import { isValuesDocument, ValuesSetting } from '../model/helm/valuesDocument';
import { isSecretMap } from '../model/helm/oxKeyMaps';
import { isSecretSetting } from '../values/secretKeys';
import { Finding, Rule } from './rule';

/** Where the entry goes instead: the secret map at the same level (root, role or node type), for the same file. */
function secretPath(s: ValuesSetting): string[] {
  const level = s.map.role ? ['roles', s.map.role, 'values'] : s.map.nodeType ? ['scaling', 'nodes', s.map.nodeType, 'values'] : [];
  return s.map.file ? [...level, 'secretPropertiesFiles', s.map.file] : [...level, 'secretProperties'];
}

/** A secret written into `properties`/`propertiesFiles`, which the chart renders into a ConfigMap. */
export const secretInConfigmapRule: Rule = {
  id: 'secret-in-configmap',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A password, key, salt or token under properties or propertiesFiles, which the core-mw chart puts into a ConfigMap that anyone allowed to read ConfigMaps can read.',
  fixable: true,
  check: ({ doc }) => {
    if (!isValuesDocument(doc)) return [];
    const findings: Finding[] = [];
    for (const s of doc.settings) {
      if (isSecretMap(s.map.kind)) continue;
      // An OX token ({{env X}}) is resolved inside the container: the ConfigMap holds only the reference.
      // Helmfile renders its own templates first, so a templated value does land in the ConfigMap.
      if (s.unknownValue === 'ox-token' || s.unknownValue === 'null' || s.unknownValue === 'structure' || s.unknownValue === 'variable')
        continue;
      if (!s.unknownValue && s.value === '') continue;
      if (!isSecretSetting(s.key, s.unknownValue ? 'x' : s.value, s.known)) continue;
      const target = s.map.file ? `secretPropertiesFiles."${s.map.file}"` : 'secretProperties';
      findings.push({
        ...s.keyRange,
        message: `"${s.key}" holds a secret under ${s.map.kind}, which the chart renders into a ConfigMap: anyone who may read ConfigMaps in the namespace can read it. Put it under ${target}, which goes into a Secret.`,
        fixes: [
          {
            title: `Move "${s.key}" to ${target}`,
            preferred: true,
            intents: [{ kind: 'move-within', doc, setting: s, path: secretPath(s) }],
          },
        ],
      });
    }
    return findings;
  },
};
