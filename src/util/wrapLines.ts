/** Splits text into lines of at most `width` characters at spaces; a longer word is cut. */
export function wrapLines(text: string, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0; ) {
      if (line && line.length + 1 + w.length > width) {
        lines.push(line);
        line = '';
      }
      const room = line ? width - line.length - 1 : width;
      const part = w.slice(0, room);
      line = line ? `${line} ${part}` : part;
      w = w.slice(part.length);
    }
  }
  if (line) lines.push(line);
  return lines;
}
