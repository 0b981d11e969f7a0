/**
 * Text from files, made safe for a terminal. A title, a name or a file name read from a file someone else
 * wrote can hold escape sequences (ESC ] 0 ; ... BEL retitles a terminal window, ESC [ 2 J clears it, ESC [ 8 m
 * hides what follows) or Unicode bidirectional controls and zero-width characters, which make a line read
 * differently from what it holds ("Trojan Source", Boucher & Anderson 2021, CVE-2021-42574). Loaders refuse
 * them in scenarios and parts; this is the last line: whatever reaches stdout or stderr has every such
 * character written out as its JSON escape, `\u001b`, so it shows, does nothing, and JSON output stays
 * valid JSON with the same meaning.
 *
 * Kept as they are: line feed and tab, and the few sequences negsim writes itself — bold and yellow on and
 * off (color.ts), and whole frames of the progress bar (a carriage return, the bar, erase to the end of
 * the line: progress.ts), which hold nothing read from a file.
 *
 * @example
 * terminalSafe('Geneva\u001b]0;owned\u0007 II')     // 'Geneva\\u001b]0;owned\\u0007 II'
 * terminalSafe('a\u202Eb')                          // 'a\\u202eb'
 * terminalOutput('\u001b[1mOutcome\u001b[22m\n')   // unchanged: negsim's own bold heading
 * terminalOutput('x\u001b[2Jy\n')                  // 'x\\u001b[2Jy\n'
 */

/**
 * C0 controls, DEL and C1 controls, the Arabic letter mark, zero-width space/non-joiner/joiner, left-to-right
 * and right-to-left marks, the bidi embeddings, overrides and isolates, the word joiner and invisible
 * operators, and the byte-order mark used as a zero-width no-break space.
 */
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Line feed and tab are layout, kept in printed blocks (not in single-line text: terminalSafe). */
const UNSAFE_IN_BLOCKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const ANY_UNSAFE_IN_BLOCKS = new RegExp(UNSAFE_IN_BLOCKS.source);

/** negsim's own colour sequences: SGR bold/normal and yellow/default (color.ts). */
const OWN_COLOUR = /^\u001b\[(?:1|22|33|39)m/;

/** A frame of the progress bar (progress.ts): a carriage return, printable text, erase to the end of the line. */
const PROGRESS_FRAME = /^\r[^\u0000-\u001f\u007f-\u009f]*\u001b\[K$/;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text from a file (a title, a name, a path), every control and invisible character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, escape);
}

/**
 * A block about to be written to stdout or stderr: every unsafe character escaped except line feeds,
 * tabs and negsim's own colour sequences; a frame of the progress bar passes whole.
 */
export function terminalOutput(text: string): string {
  if (!ANY_UNSAFE_IN_BLOCKS.test(text) || PROGRESS_FRAME.test(text)) return text;
  return text.replace(UNSAFE_IN_BLOCKS, (c, at: number) =>
    (c === '\u001b' && OWN_COLOUR.test(text.slice(at, at + 5)) ? c : escape(c)));
}
