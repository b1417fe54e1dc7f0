/**
 * A small pull tokenizer for untrusted XML (the parts of a received .docx). Pure, linear: every step
 * moves forward with indexOf from the current position, so no input costs more than one pass, however
 * many tags are left unclosed. It does not validate (a received form is read for its text, not judged);
 * it never expands entities other than the five predefined ones and numeric references (no DTD, so no
 * entity bombs), and comments, CDATA, processing instructions and doctypes are skipped or read as text.
 */

export type XmlToken =
  | { type: 'open'; name: string; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and numeric character references; anything else is kept as is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e]!;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '';
  });
}

const isNameEnd = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;

/** End of a start tag at `i` (the index of its `>`), skipping quoted attribute values; -1 if none. */
function tagEnd(xml: string, i: number): number {
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      const q = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
    } else i++;
  }
  return -1;
}

/**
 * Tokens of `xml`, in order. Text tokens carry decoded text (CDATA as is). A truncated construct at the
 * end of the input ends the stream.
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { type: 'text', text: decodeEntities(xml.slice(i, lt)) };
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) return;
        i = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) return;
        yield { type: 'text', text: xml.slice(lt + 9, e) };
        i = e + 3;
      } else {
        // <!DOCTYPE …> (an internal subset in [ ] is skipped, not interpreted)
        const bracket = xml.indexOf('[', lt);
        const gt = xml.indexOf('>', lt);
        if (gt < 0) return;
        if (bracket >= 0 && bracket < gt) {
          const e = xml.indexOf(']>', bracket);
          if (e < 0) return;
          i = e + 2;
        } else i = gt + 1;
      }
    } else if (next === 0x3f /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return;
      i = e + 2;
    } else if (next === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) return;
      yield { type: 'close', name: xml.slice(lt + 2, gt).trim() };
      i = gt + 1;
    } else {
      let e = lt + 1;
      while (e < n && !isNameEnd(xml.charCodeAt(e)) && xml.charCodeAt(e) !== 0x3c) e++;
      const name = xml.slice(lt + 1, e);
      if (name === '') {
        // a stray '<': text, as a lenient reader would take it
        yield { type: 'text', text: '<' };
        i = lt + 1;
        continue;
      }
      const gt = tagEnd(xml, e);
      if (gt < 0) return;
      yield { type: 'open', name, selfClosing: xml.charCodeAt(gt - 1) === 0x2f };
      i = gt + 1;
    }
  }
}
