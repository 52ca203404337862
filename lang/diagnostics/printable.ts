// Text from a spec file as it may be shown on a terminal: characters that are invisible or act
// on the terminal (control characters, escape sequences, zero-width and bidirectional format
// characters, unusual spaces) are written as <U+XXXX>, so an excerpt shows what the file holds
// and can neither hide code nor drive the terminal. In: text; out: text and column maps.

// Control (Cc) other than tab, format (Cf), line/paragraph separators, private use, unassigned
// and lone surrogates, and every space but U+0020.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]|[\p{Zs}\u00ad]/u;

export function isInvisible(ch: string): boolean {
  return ch !== '\t' && ch !== ' ' && INVISIBLE.test(ch);
}

// Bidirectional controls reorder how a line is displayed (CVE-2021-42574, "Trojan Source").
export function isBidiControl(ch: string): boolean {
  return /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(ch);
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x07: 'bell', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x0d: 'carriage return',
  0x1b: 'escape', 0x7f: 'delete', 0xa0: 'no-break space', 0xad: 'soft hyphen', 0x200b: 'zero width space',
  0x200c: 'zero width non-joiner', 0x200d: 'zero width joiner', 0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark',
  0x2028: 'line separator', 0x2029: 'paragraph separator', 0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting', 0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2060: 'word joiner', 0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate', 0x3000: 'ideographic space', 0xfeff: 'zero width no-break space (byte order mark)',
};

// `U+200B (zero width space)`, or the code point alone when it has no common name.
export function describeInvisible(ch: string): string {
  const name = NAMES[ch.codePointAt(0)!];
  return name === undefined ? codePoint(ch) : `${codePoint(ch)} (${name})`;
}

// One line for display: tabs become one space and invisible characters <U+XXXX>; `col[i]` is
// the display column of UTF-16 offset i of the line (col[line.length] is its end).
export function displayLine(line: string): { text: string; col: number[] } {
  const col: number[] = [];
  let text = '';
  for (let i = 0; i < line.length; ) {
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    const shown = ch === '\t' ? ' ' : isInvisible(ch) ? `<${codePoint(ch)}>` : ch;
    for (let k = 0; k < ch.length; k++) col.push(text.length);
    text += shown;
    i += ch.length;
  }
  col.push(text.length);
  return { text, col };
}

// Terminal columns of shown text: East Asian wide and fullwidth characters (and emoji) take two,
// combining marks none, so the caret lines up under a span after them.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const COMBINING = /\p{M}/u;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

export function printable(text: string): string {
  return text.split('\n').map((line) => displayLine(line).text).join('\n');
}
