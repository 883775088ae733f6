/**
 * Byte length of a string once encoded as UTF-8. Segment's limits are in bytes,
 * so counting UTF-16 code units (`string.length`) under-counts any non-ASCII
 * text by up to 3x. JSON.stringify never leaves lone surrogates, so a high
 * surrogate here always starts a 4-byte pair.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
const NON_ASCII = /[^\u0000-\u007f]/;

export function utf8ByteLength(text: string): number {
  // Most analytics payloads are ASCII; the regex scan is far faster than the loop.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair: 2 code units already counted, 4 bytes in all.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
