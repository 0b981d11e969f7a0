/**
 * The README's scale-out examples ("Beyond one machine") as the tests run them: the Slurm job script,
 * the commands that submit and merge it, and the negsim command inside.
 */
import { codeBlocks, readmeSection } from '../readme.js';

/** What the README says to do: the job script, the sbatch command, the merge command. */
export function slurmFromReadme(section = readmeSection('Beyond one machine')): { script: string; submit: string; merge: string } {
  const script = codeBlocks(section, 'sh').find((b) => b.includes('#SBATCH'));
  if (!script) throw new Error('README.md, "Beyond one machine": no sh block with #SBATCH');
  // the paragraph that names the sbatch command names the merge after it
  const said = section.split('\n\n').find((p) => p.includes('sbatch ')) ?? '';
  const submit = /`((?:mkdir -p \S+ && )?sbatch [^`]*)`/.exec(said)?.[1];
  const merge = /`((?:npx )?negsim merge [^`]*)`/.exec(said)?.[1];
  if (!submit || !merge) throw new Error('README.md, "Beyond one machine": no `sbatch ...` or `negsim merge ...` command');
  return { script, submit, merge };
}

/** The script's negsim command as one line (continuations joined). */
export function negsimLine(script: string): string {
  const line = script.replace(/\\\n\s*/g, '').split('\n').find((l) => /\bnegsim run\b/.test(l));
  if (!line) throw new Error('the job script runs no negsim run');
  return line.trim();
}
