// The command line entry point (bundled to server/out/cli.js): the same core as the language server.
import { main } from './cli/main';

export { main };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`ox-cluster-config: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
