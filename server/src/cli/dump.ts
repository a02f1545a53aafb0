import { readLatin1 } from '../host/nodeHost';
import { javaProperties } from '../languageService';
import { CliIo, UsageError } from './io';

/** `dump <file>`: the properties of one file as java.util.Properties reads them, as one JSON object. */
export async function dump(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError('dump takes exactly one file.');
  const file = args[0];
  let text: string;
  try {
    text = await readLatin1(file);
  } catch (error) {
    io.stderr.write(`ox-cluster-config: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  const { values, problem } = javaProperties(text);
  if (problem) {
    const line = text.slice(0, problem.offset).split(/\r\n|\r|\n/).length;
    io.stderr.write(`${file}:${line}: ${problem.message}\n`);
    return 2;
  }
  const body = [...values].map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  io.stdout.write(values.size ? `{\n${body}\n}\n` : '{}\n');
  return 0;
}
