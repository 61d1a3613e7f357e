/** A help text's prose fitted to the terminal; an indented line (an example command) stays whole, so it can be copied. */
import { textWidth, wrap } from './wrap.js';

export function fitHelpText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (/^\s/.test(line) || textWidth(line) <= width ? line : wrap(line, width)))
    .join('\n');
}
