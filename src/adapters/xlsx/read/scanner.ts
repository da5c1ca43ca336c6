/**
 * A small, fast XML tokenizer for worksheet and shared-text parts, the only parts that get large (a
 * 100,000-row register is 100-250 MB of sheet XML). saxes is kept for every other part; on these
 * this scanner is several times faster because it finds tags with indexOf and reads attributes without a
 * character-by-character state machine.
 *
 * What it handles, as XML 1.0 requires for what worksheets contain: elements with prefixes
 * (reported by local name), attributes in single or double quotes (whitespace in values
 * normalised to spaces), the five predefined entities and character references in text and
 * attribute values, CDATA sections, comments, processing instructions and a DOCTYPE (skipped, its
 * entities never expanded), CR/LF line endings, and tags or text split across chunks. It checks
 * that tags nest and close properly and that the document is complete, and reports anything else
 * malformed as damage rather than guessing.
 */
import { ReadFailure } from "./failure";
import type { Attributes, XmlHandler } from "./xml";

/** Worksheet tags are short (a formula is at most 8,192 characters); longer is damage or an attack. */
const MAX_TAG = 1024 * 1024;
const MAX_ENTITY = 12;
const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);|&/g;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

export class SheetScanner {
  private carry = "";
  /** Qualified names of the open elements, and their local names, innermost last. */
  private readonly open: string[] = [];
  private readonly openLocal: string[] = [];
  private sawRoot = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly what: string,
  ) {}

  private damaged(detail: string): ReadFailure {
    return new ReadFailure(`${this.what} is damaged: its XML is not valid (${detail}). Save it again from Excel.`);
  }

  private decode(text: string): string {
    return text.replace(ENTITY, (whole: string, body: string | undefined) => {
      switch (body) {
        case "amp":
          return "&";
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "quot":
          return '"';
        case "apos":
          return "'";
        case undefined:
          throw this.damaged("a stray '&'");
      }
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw this.damaged(`the character reference ${whole}`);
      return String.fromCodePoint(code);
    });
  }

  private emitText(raw: string): void {
    if (raw.length === 0) return;
    const handler = this.handler;
    if (!handler.text) return;
    let text = raw;
    if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
    if (text.indexOf("&") >= 0) text = this.decode(text);
    if (this.open.length === 0) {
      if (text.trim() !== "") throw this.damaged("text outside the root element");
      return;
    }
    handler.text(text);
  }

  write(chunk: string): void {
    const data = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = "";
    const length = data.length;
    let at = 0;
    while (at < length) {
      const lt = data.indexOf("<", at);
      if (lt < 0) {
        // Text running into the next chunk: pass it on now, keeping back only what may be the
        // start of an entity or of a CR LF pair, so a long text never piles up in memory.
        let keep = data.lastIndexOf("&");
        if (keep < at || data.indexOf(";", keep) >= 0 || length - keep > MAX_ENTITY) keep = length;
        if (keep > at && data.charCodeAt(keep - 1) === 13) keep--;
        this.emitText(data.slice(at, keep));
        this.carry = data.slice(keep);
        return;
      }
      if (lt > at) this.emitText(data.slice(at, lt));
      const next = this.tag(data, lt);
      if (next < 0) {
        if (length - lt > MAX_TAG) throw this.damaged("a tag longer than 1 MB");
        this.carry = data.slice(lt);
        return;
      }
      at = next;
    }
  }

  end(): void {
    const rest = this.carry;
    this.carry = "";
    if (rest.indexOf("<") >= 0) throw this.damaged("the document ends in the middle of a tag");
    if (rest.length > 0) this.emitText(rest);
    if (!this.sawRoot) throw this.damaged("the document is empty");
    if (this.open.length > 0) throw this.damaged(`the document ends before </${this.open[this.open.length - 1]}>`);
  }

  /** Handles the markup starting at `lt`; returns the index after it, or -1 when it is incomplete. */
  private tag(data: string, lt: number): number {
    const length = data.length;
    if (lt + 1 >= length) return -1;
    const first = data.charCodeAt(lt + 1);
    if (first === 47 /* / */) {
      const gt = data.indexOf(">", lt + 2);
      if (gt < 0) return -1;
      // Compare in place with the open element's name (no slicing: end tags are half of all tags).
      const depth = this.open.length - 1;
      const expected = depth >= 0 ? this.open[depth] : undefined;
      const nameEnd = lt + 2 + (expected?.length ?? 0);
      if (expected === undefined || !data.startsWith(expected, lt + 2) || (nameEnd !== gt && data.slice(nameEnd, gt).trim() !== "")) {
        const name = data.slice(lt + 2, gt).trim();
        throw this.damaged(expected === undefined ? `an unexpected </${name}>` : `</${name}> where </${expected}> was expected`);
      }
      this.open.length = depth;
      const local = this.openLocal[depth];
      this.openLocal.length = depth;
      if (this.handler.close) this.handler.close(local);
      return gt + 1;
    }
    if (first === 63 /* ? */) {
      const end = data.indexOf("?>", lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (first === 33 /* ! */) {
      if (data.startsWith("<!--", lt)) {
        const end = data.indexOf("-->", lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (data.startsWith("<![CDATA[", lt)) {
        const end = data.indexOf("]]>", lt + 9);
        if (end < 0) return -1;
        if (this.open.length === 0) throw this.damaged("text outside the root element");
        if (this.handler.text && end > lt + 9) this.handler.text(data.slice(lt + 9, end));
        return end + 3;
      }
      if (lt + 9 > length) return -1;
      if (data.startsWith("<!DOCTYPE", lt)) {
        // Skip the declaration, internal subset included; its entities are never used.
        const bracket = data.indexOf("[", lt);
        const gt = data.indexOf(">", lt);
        if (gt < 0) return -1;
        if (bracket >= 0 && bracket < gt) {
          const end = data.indexOf("]>", bracket);
          return end < 0 ? -1 : end + 2;
        }
        return gt + 1;
      }
      throw this.damaged("an unknown '<!' declaration");
    }

    // A start tag: the name, then attributes, then ">" or "/>".
    let i = lt + 1;
    while (i < length) {
      const code = data.charCodeAt(i);
      if (isSpace(code) || code === 62 || code === 47) break;
      i++;
    }
    if (i >= length) return -1;
    const name = data.slice(lt + 1, i);
    if (name.length === 0) throw this.damaged("a tag without a name");
    const attributes: Attributes = {};
    for (;;) {
      while (i < length && isSpace(data.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const code = data.charCodeAt(i);
      if (code === 62 /* > */) {
        this.start(name, attributes, false);
        return i + 1;
      }
      if (code === 47 /* / */) {
        if (i + 1 >= length) return -1;
        if (data.charCodeAt(i + 1) !== 62) throw this.damaged(`a broken <${name}> tag`);
        this.start(name, attributes, true);
        return i + 2;
      }
      const nameStart = i;
      while (i < length) {
        const c = data.charCodeAt(i);
        if (c === 61 /* = */ || isSpace(c) || c === 62 || c === 47) break;
        i++;
      }
      if (i >= length) return -1;
      const attributeName = data.slice(nameStart, i);
      while (i < length && isSpace(data.charCodeAt(i))) i++;
      if (i >= length) return -1;
      if (data.charCodeAt(i) !== 61 || attributeName.length === 0) throw this.damaged(`a broken attribute in <${name}>`);
      i++;
      while (i < length && isSpace(data.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const quote = data.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw this.damaged(`an unquoted attribute in <${name}>`);
      const close = data.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      let value = data.slice(i + 1, close);
      if (value.indexOf("<") >= 0) throw this.damaged(`a '<' inside an attribute of <${name}>`);
      if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, " ");
      if (value.indexOf("&") >= 0) value = this.decode(value);
      // Attribute names come from the file: never let one reach an object's prototype slot.
      if (attributeName !== "__proto__") attributes[attributeName] = value;
      i = close + 1;
    }
  }

  private start(name: string, attributes: Attributes, selfClosing: boolean): void {
    if (this.open.length === 0) {
      if (this.sawRoot) throw this.damaged("more than one root element");
      this.sawRoot = true;
    }
    const local = localName(name);
    this.handler.open(local, attributes);
    if (selfClosing) {
      if (this.handler.close) this.handler.close(local);
    } else {
      this.open.push(name);
      this.openLocal.push(local);
    }
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
