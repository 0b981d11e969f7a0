/**
 * The scenario validator compiled ahead of time, when there is one. Here, in the sources and in tsc's
 * dist/, there is none: validator.ts compiles the schema with Ajv at first use, which takes 0.1-0.2 s.
 * The command-line bundle (scripts/bundle.js) puts in this module's place Ajv's standalone code for the
 * same schema, generated at build time (validator-standalone.ts), so that `negsim validate` and every
 * command that loads a scenario compile no schema at start-up.
 */
import type { ValidateFunction } from 'ajv';

export const precompiledScenarioValidator: ValidateFunction | undefined = undefined;
