// Entry point of the integration suite (extensionTestsPath): runs suite/*.test.js in a trusted workspace.
import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha('integration', __dirname);
}
