// Everything that needs the YAML parser, built into its own file (dist/yamlTools.js) and loaded on first
// need by loadYamlTools: the built-in pack loads from its build cache, so most sessions never parse YAML.
export { loadPack } from './core/content/loader';
export { addTermToGlossary } from './core/content/authoring';
