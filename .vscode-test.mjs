// The same integration suite on desktop VS Code, where it can be downloaded (a contributor's machine, a
// public CI): `npx vscode-test`. On this project's own machines the code-server launcher runs it instead
// (test/harness/runIntegration.mjs), because desktop VS Code cannot be downloaded there.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig([
  {
    label: 'integration',
    files: 'out/test/integration/**/*.test.js',
    version: 'stable',
    workspaceFolder: './test/fixtures/sample-workspace',
    mocha: { ui: 'bdd', timeout: 30000 },
  },
  {
    label: 'integration-minimum',
    files: 'out/test/integration/**/*.test.js',
    version: '1.96.0',
    workspaceFolder: './test/fixtures/sample-workspace',
    mocha: { ui: 'bdd', timeout: 30000 },
  },
]);
