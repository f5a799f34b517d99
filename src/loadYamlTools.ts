import type * as YamlTools from './yamlTools';

let tools: typeof YamlTools | undefined;

/**
 * The YAML loader and editor, read from disk the first time a pack file must be parsed or edited. Kept out
 * of dist/extension.js (esbuild leaves this require alone) so activation does not compile the parser.
 */
export function loadYamlTools(): typeof YamlTools {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (tools ??= require('./yamlTools.js') as typeof YamlTools);
}
