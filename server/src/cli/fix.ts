import { promises as fs } from 'fs';
import { fileURLToPath } from 'url';
import { LanguageService } from '../languageService';
import { Settings } from '../settings';
import { CliIo, errorText, warn } from './io';

export interface FixRun {
  service: LanguageService;
  settings: Settings;
  io: CliIo;
  display(uri: string): string;
  /** Where the "Fixed N problems" line goes. */
  out: { write(text: string): unknown };
}

/**
 * Applies the safe fixes, writes the changed files back and says how many problems it fixed; the service then
 * holds the fixed text. Returns false when a file could not be written.
 */
export async function fixAll({ service, settings, io, display, out }: FixRun): Promise<boolean> {
  const { fixed, changed } = await service.fixAll(settings);
  let written = true;
  for (const { uri, content, encoding } of changed) {
    try {
      await fs.writeFile(fileURLToPath(uri), Buffer.from(content, encoding));
    } catch (error) {
      written = false;
      warn(io, `cannot write ${display(uri)}: ${errorText(error)}`);
    }
  }
  out.write(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
  return written;
}
