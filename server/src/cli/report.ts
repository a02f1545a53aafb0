import * as path from 'path';
import { fileURLToPath } from 'url';
import { isInside, pathToUri } from '../host/nodeHost';
import { LanguageService } from '../languageService';
import { OutputFormat } from './args';
import { CheckReport, formatHuman, formatJson, formatSarif, Locator, Problem, SRCROOT } from './formats';
import { RuleMeta } from '../rules/rule';

/** Paths as the output shows them: relative to the current folder. */
export function makeLocator(cwd: string): Locator {
  const rootUri = pathToUri(cwd).replace(/\/?$/, '/');
  const displayCache = new Map<string, string>();
  const pathOf = (uri: string) => {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  return {
    rootUri,
    display(uri) {
      let shown = displayCache.get(uri);
      if (shown === undefined) {
        const file = pathOf(uri);
        shown = file === undefined ? uri : path.relative(cwd, file) || '.';
        displayCache.set(uri, shown);
      }
      return shown;
    },
    artifact(uri) {
      const file = pathOf(uri);
      if (file === undefined || !isInside(cwd, file)) return { uri };
      return { uri: path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    },
  };
}

export interface ReportRun {
  service: LanguageService;
  rules: readonly RuleMeta[];
  locator: Locator;
  format: OutputFormat;
}

/** The problems of every file, in file and line order, secrets masked, as text in the chosen format. */
export function report({ service, rules, locator, format }: ReportRun): { problems: Problem[]; text: string } {
  const result: CheckReport = service.report();
  const text =
    format === 'json'
      ? formatJson(result, locator)
      : format === 'sarif'
        ? formatSarif(result, rules, locator)
        : formatHuman(result, locator);
  return { problems: result.problems, text };
}
