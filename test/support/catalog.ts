import { Catalog } from '../../server/src/catalog/catalog';
import { buildCatalog } from '../../server/src/catalog/loadCatalog';

/** The built-in catalog, built once for every test. */
export const catalog: Catalog = buildCatalog().catalog;
