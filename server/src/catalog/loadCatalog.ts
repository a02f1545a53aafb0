import { builtinCatalogFiles } from './builtin';
import { Catalog } from './catalog';
import { CatalogFile } from './types';
import { validateCatalogFile } from './validateCatalog';

export interface UserCatalogInput {
  /** Where it came from, for messages. */
  source: string;
  data: unknown;
}

/** The built-in catalog plus user catalogs that pass the schema; invalid ones are reported and left out. */
export function buildCatalog(userFiles: readonly UserCatalogInput[] = []): { catalog: Catalog; problems: string[] } {
  const files: CatalogFile[] = [...builtinCatalogFiles];
  const problems: string[] = [];
  for (const input of userFiles) {
    const result = validateCatalogFile(input.data);
    if (result.ok) files.push(result.catalog);
    else problems.push(`Catalog ${input.source} is invalid and was ignored: ${result.errors.join('; ')}`);
  }
  return { catalog: new Catalog(files), problems };
}
