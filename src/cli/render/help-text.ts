/** A help text's prose fitted to the terminal; an indented line (an example command) stays whole, so it can be copied. */
import stringWidth from 'string-width';
import { wrap } from './wrap.js';

export function fitHelpText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (/^\s/.test(line) || stringWidth(line) <= width) return line;
      return wrap(line, width);
    })
    .join('\n');
}
