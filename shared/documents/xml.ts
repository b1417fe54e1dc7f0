/**
 * Writes the XML of a docx component, as docx's own Packer does, for our packer (pack.ts).
 *
 * docx (9.15.2, pinned) turns a component tree into plain objects with each component's `prepForXml(context)`
 * and writes those with `stringifyXmlable`, which it does not export. `stringifyXmlable` below is our port of
 * it for unindented XML, quirks and all (an element given as an array is never self-closing; a string among its
 * children replaces the child before it; numbers and booleans are written as they are, strings escaped with
 * &quot; and &apos; too; C0 control characters dropped). While the packer formats (withFastFormatting),
 * two of docx's methods that every component goes through are replaced by equivalents written for speed
 * (profiled: two thirds of the time of formatting a notice's document.xml). test/unit/documents/pack.test.ts
 * checks that every builder's parts come out byte for byte as docx's Packer writes them.
 */
import { EMPTY_OBJECT, NextAttributeComponent, XmlComponent, isXmlComponent } from 'docx';
import type { BaseXmlComponent, IContext, IXmlableObject } from 'docx';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const SPECIALS = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** docx's escapeAll: the five XML specials as entities, the C0 controls XML 1.0 forbids dropped. */
export function escapeXml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] ?? '') : value;
}

/** A value as docx writes it in an attribute or as text: strings escaped, anything else through String(). */
function valueText(value: unknown): string {
  return typeof value === 'string' ? escapeXml(value) : String(value);
}

function firstKey(o: object): string | undefined {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return k;
  return undefined;
}

function attributes(attr: Record<string, unknown>): string {
  let out = '';
  for (const key of Object.keys(attr)) out += ` ${key}="${valueText(attr[key])}"`;
  return out;
}

/** One element: docx's `resolve` and `format` (src/util/xml/stringify.ts) fused, without indentation. */
function element(data: object): string {
  const name = firstKey(data);
  const values: unknown = name === undefined ? undefined : (data as Record<string, unknown>)[name];
  let attrs = '';
  // Content as docx keeps it: "" placeholders count towards its length, which decides <a/> or <a></a>.
  let content: string[];
  if (typeof values === 'object') {
    content = [];
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) attrs += attributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object') {
            if (value === null) throw new TypeError('Cannot convert undefined or null to object');
            if (firstKey(value) === '_attr')
              attrs += attributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(element(value));
          } else {
            content.pop();
            isStringContent = true;
            content.push(value === undefined ? '' : valueText(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else {
    content = [values === undefined ? '' : valueText(values)];
  }
  if (content.length === 0) return `<${name}${attrs}/>`;
  return name === undefined ? content.join('') : `<${name}${attrs}>${content.join('')}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const XML_DECLARATION_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** docx's `stringifyXmlable(input, { declaration })` without indentation. */
export function stringifyXmlable(input: IXmlableObject, standalone: boolean): string {
  return (standalone ? XML_DECLARATION_STANDALONE : XML_DECLARATION) + element(input);
}

type AttributePayload = Record<string, { key: string; value: unknown } | null | undefined>;
type PrepForXml = (this: unknown, context: IContext) => IXmlableObject | undefined;

/**
 * docx's NextAttributeComponent.prepForXml builds its attributes with an object spread per attribute
 * (`reduce((acc, a) => ({ ...acc, [a.key]: a.value }), {})`, compiled to a defineProperty loop): about half of
 * the time of formatting a document.xml went there. This gives the same object (the same keys in the same
 * order, the same values) in one pass.
 */
function nextAttributes(this: { root: AttributePayload }): IXmlableObject {
  const attrs: Record<string, unknown> = {};
  for (const entry of Object.values(this.root)) {
    const { key, value } = entry as { key: string; value: unknown };
    if (value === undefined) continue;
    if (key === '__proto__')
      Object.defineProperty(attrs, key, { value, enumerable: true, configurable: true, writable: true });
    else attrs[key] = value;
  }
  return { _attr: attrs };
}

function pushFlat(out: unknown[], value: unknown): void {
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) if (value[k] !== undefined) out.push(value[k]);
  } else if (value !== undefined) out.push(value);
}

/**
 * docx's XmlComponent.prepForXml, which every component's formatting goes through, with loops for its
 * `root.flatMap(…).filter(…)`: the same children in the same order (arrays flattened one level, holes and
 * undefined left out), the same stack, the same result.
 */
function componentPrep(this: { root: unknown[]; rootKey: string }, context: IContext): IXmlableObject {
  context.stack.push(this as unknown as IXmlableObject);
  const children: unknown[] = [];
  const root = this.root;
  for (let i = 0; i < root.length; i++) {
    const comp = root[i];
    if (isXmlComponent(comp)) {
      const parts = (comp as { writtenAs?: readonly BaseXmlComponent[] }).writtenAs;
      if (parts) {
        for (let j = 0; j < parts.length; j++) {
          if (!(j in parts)) continue;
          const part = parts[j]!.prepForXml(context);
          if (part !== undefined) children.push(part);
        }
      } else pushFlat(children, comp.prepForXml(context));
    } else pushFlat(children, comp);
  }
  context.stack.pop();
  const first = children[0] as { _attr?: unknown } | undefined | null;
  return {
    [this.rootKey]: children.length
      ? children.length === 1 && first?._attr
        ? first
        : children
      : EMPTY_OBJECT,
  };
}

interface Patch {
  proto: { prepForXml: PrepForXml };
  fast: PrepForXml;
}

/** The two methods replaced while we format, where docx defines them as this port expects. */
const PATCHES: Patch[] = [
  { proto: XmlComponent.prototype as unknown as Patch['proto'], fast: componentPrep as PrepForXml },
  {
    proto: NextAttributeComponent.prototype as unknown as Patch['proto'],
    fast: nextAttributes as PrepForXml,
  },
].filter((p) => Object.prototype.hasOwnProperty.call(p.proto, 'prepForXml'));

/**
 * Runs `write` (synchronous) with the faster methods above in place of docx's, and docx's back afterwards,
 * however it ends. Nothing else runs meanwhile, so only our formatting sees them.
 */
export function withFastFormatting<T>(write: () => T): T {
  const originals = PATCHES.map((p) => p.proto.prepForXml);
  for (const p of PATCHES) p.proto.prepForXml = p.fast;
  try {
    return write();
  } finally {
    PATCHES.forEach((p, i) => (p.proto.prepForXml = originals[i]!));
  }
}

/** Formats a component as docx's Formatter does (`prepForXml`, an error if it gives nothing) and writes its XML. */
export function componentXml(component: BaseXmlComponent, context: IContext, standalone: boolean): string {
  const output = component.prepForXml(context);
  if (!output) throw new Error('XMLComponent did not format correctly');
  return stringifyXmlable(output, standalone);
}
