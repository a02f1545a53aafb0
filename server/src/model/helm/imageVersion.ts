// The OX version a release runs, read from the image tag its values files set (errata 15: not the chart's appVersion).
import type { NodeVersion } from '../packages/nodeVersion';
import { parseOxVersion } from '../../util/versions';
import type { Release } from './release';
import { chartRootPathOf, isFilledIn, valueAt } from './valueTree';

/**
 * The OX version of the release's image: `image.tag` at the chart root when the user's files write an
 * explicit version (`8.49.108`, `8.26.45-1`, `8.46.71@sha256:…`). Undefined for no tag, an empty one (the
 * chart falls back to its appVersion, which is not the running version), `latest`, a bare digest, or a
 * tag a template or script fills in. `update.image.tag` is the pre-update job's image and does not count.
 */
export function imageTagVersion(release: Release): NodeVersion | undefined {
  const tag = valueAt(release.userValues, ['image', 'tag']);
  if (tag?.kind !== 'leaf' || typeof tag.value !== 'string' || !tag.source || isFilledIn(tag)) return undefined;
  const version = parseOxVersion(tag.value);
  if (!version) return undefined;
  return {
    version,
    source: 'image',
    file: tag.source.doc.uri,
    detail: `${[...chartRootPathOf(tag.source), 'image', 'tag'].join('.')} ${tag.value.trim()}`,
  };
}
