// Everything the server takes from the core, in one module that server.ts requires on first use: start-up
// evaluates only the protocol layer and answers `initialize` before the catalog and the rules are built.
export { buildCatalog } from '../catalog/loadCatalog';
export { nodeConfigHost } from './nodeConfigHost';
export { nodeWorkspaceHost } from './nodeHost';
export { DiagnosticsPublisher } from './diagnosticsPublisher';
export { createLanguageService, parseOxVersion, renderMap } from '../languageService';
export { RULE_DEFAULTS } from '../rules/registry';
export { DEFAULT_SETTINGS } from '../settings';
export { CONFIG_FILE_NAME } from '../config/configFile';
export { discoveryOf, packageListName, resolveConfiguration } from '../config/resolve';
