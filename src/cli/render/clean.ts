/** Strips terminal control sequences from untrusted text (notes, imported history, arguments) before it is printed. */
import stripAnsi from 'strip-ansi';

export function clean(text: string): string {
  // strip-ansi removes CSI/OSC sequences; what remains of C0/C1 controls and bidi overrides goes too.
  return (
    stripAnsi(text)
      .replace(/\u001b[P^_X][\s\S]*?(\u001b\\|$)/g, '')
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      // The word joiner imported notes put inside text that would read as note syntax (core/import/escape.ts):
      // it has no width, but a terminal font without it may draw a box.
      .replace(/\u2060/g, '')
  );
}
