// The built-in catalog: one JSON file per OX file in schemas/catalog (a test checks that all are listed here).
import { CatalogFile } from './types';
import cacheCcf from '../../../schemas/catalog/cache-ccf.json';
import cache from '../../../schemas/catalog/cache.json';
import hazelcastMap from '../../../schemas/catalog/hazelcast-map.json';
import hazelcast from '../../../schemas/catalog/hazelcast.json';
import mailPush from '../../../schemas/catalog/mail-push.json';
import pushMs from '../../../schemas/catalog/push-ms.json';
import pushUdp from '../../../schemas/catalog/push-udp.json';
import pushImapidle from '../../../schemas/catalog/push_imapidle.json';
import pushMailnotify from '../../../schemas/catalog/push_mailnotify.json';
import server from '../../../schemas/catalog/server.json';
import sessiond from '../../../schemas/catalog/sessiond.json';
import sessionstorageHazelcast from '../../../schemas/catalog/sessionstorage-hazelcast.json';
import share from '../../../schemas/catalog/share.json';

export const builtinCatalogFiles: readonly CatalogFile[] = [
  cacheCcf,
  cache,
  hazelcastMap,
  hazelcast,
  mailPush,
  pushMs,
  pushUdp,
  pushImapidle,
  pushMailnotify,
  server,
  sessiond,
  sessionstorageHazelcast,
  share,
] as CatalogFile[];

/** File names of the built-in catalog, in the order above. */
export const BUILTIN_CATALOG_NAMES: readonly string[] = [
  'cache-ccf.json',
  'cache.json',
  'hazelcast-map.json',
  'hazelcast.json',
  'mail-push.json',
  'push-ms.json',
  'push-udp.json',
  'push_imapidle.json',
  'push_mailnotify.json',
  'server.json',
  'sessiond.json',
  'sessionstorage-hazelcast.json',
  'share.json',
];
