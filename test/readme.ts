/**
 * The README's text, for tests that run what it shows: a section by its heading and the code blocks in
 * it, so that a change of the README that breaks an example breaks its test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readme(): string {
  return readFileSync(join(process.cwd(), 'README.md'), 'utf8');
}

/** The text under `## heading` (whose line starts with it), up to the next heading of that level. */
export function readmeSection(heading: string, text = readme()): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${heading}`));
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The code blocks of `lang` (```lang ... ```) in a text, in order, each ending with a newline. */
export function codeBlocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]);
}
