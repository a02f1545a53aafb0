// The command line: the same core as the language server.
import { parseProperties } from './parser/propertiesParser';
import { readLatin1 } from './host/nodeHost';

const USAGE = `Usage: ox-cluster-config dump <file>

  dump <file>   Print the properties of <file> as one JSON object (key -> value, the last duplicate wins),
                exactly as java.util.Properties reads them (ISO-8859-1). Secrets are not masked.

Exit codes: 0 success, 2 usage error, unreadable file or malformed \\uXXXX escape.`;

class UsageError extends Error {}

async function dump(args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('dump takes exactly one file.');
  const file = args[0];
  let text: string;
  try {
    text = await readLatin1(file);
  } catch (error) {
    process.stderr.write(`ox-cluster-config: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  const doc = parseProperties(text);
  if (doc.problems.length) {
    const first = doc.problems[0];
    const line = text.slice(0, first.start).split(/\r\n|\r|\n/).length;
    process.stderr.write(`${file}:${line}: ${first.message}\n`);
    return 2;
  }
  const values = new Map<string, string>();
  for (const entry of doc.entries) values.set(entry.key, entry.value);
  const body = [...values].map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  process.stdout.write(values.size ? `{\n${body}\n}\n` : '{}\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'dump') return await dump(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}".` : 'no command given.');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ox-cluster-config: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`ox-cluster-config: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
