// Entry point of the suite that runs in an untrusted workspace (no --disable-workspace-trust).
import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha('untrusted', __dirname);
}
