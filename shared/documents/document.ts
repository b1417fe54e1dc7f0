/**
 * `new Document(options)` without the parts no document of ours needs built again.
 *
 * Why: docx's File constructor builds, for every document, its default styles (some 20 styles with their
 * run and paragraph properties), the Office theme, the default bullet numbering and the settings, about as
 * long as building all the paragraphs of a notice (profiled: a quarter to a half of a millisecond, more than
 * formatting a certificate's document.xml). Our packer (pack.ts) never writes these: styles, numbering and
 * settings are replaced by our own parts (parts.ts) and the theme is written once. So a document here is a
 * File that inherits them from one File made once (per setting of even and odd footers), and gets its own
 * everything that a document fills in or that formatting can change: body and relationships, headers and
 * footers, media, content types, core properties, numbering instances, footnotes, endnotes and comments.
 * Sections are added by docx's own File.addSection, relationships numbered as its constructor numbers them.
 *
 * Only plain options are taken this way (those createDocument in layout.ts passes); anything else gets
 * docx's own File, which the packer leaves to docx's Packer. test/unit/documents/pack.test.ts checks every
 * builder's package against a File made by docx's constructor and packed by docx's Packer.
 */
import { Comments, Document, Media, Numbering } from 'docx';
import type { IPropertiesOptions } from 'docx';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The options this constructor takes; any other given makes docx's own File. */
const PLAIN = new Set<string>([
  'sections',
  'title',
  'subject',
  'creator',
  'keywords',
  'description',
  'lastModifiedBy',
  'revision',
  'evenAndOddHeaderAndFooters',
]);

/** docx 9.15.2's File, by the names of its fields (private in its types). */
interface FileFields {
  currentRelationshipId: number;
  documentWrapper: { Relationships: { addRelationship(id: number, type: string, target: string): void } };
  headers: unknown[];
  footers: unknown[];
  coreProperties: unknown;
  numbering: unknown;
  media: unknown;
  footnotesWrapper: unknown;
  endnotesWrapper: unknown;
  contentTypes: unknown;
  comments: unknown;
  packageParts: { takePath(folder: string, name: string, extension: string): string };
  addSection(section: unknown): void;
}

type Constructor = new (...args: unknown[]) => unknown;
const classOf = (value: unknown) => (value as { constructor: Constructor }).constructor;

const bases = new Map<boolean, Document>();
/** The documents made here from a base: only these does the packer write itself (pack.ts). */
const plain = new WeakSet<object>();

/** Whether the document was made here, from plain options: its theme, properties and fonts are docx's defaults. */
export function isPlainDocument(file: Document): boolean {
  return plain.has(file);
}

/** Whether docx's File is as this expects (checked once). */
let usable: boolean | undefined;

function baseFile(evenAndOdd: boolean): Document {
  let base = bases.get(evenAndOdd);
  if (!base) {
    base = new Document({ sections: [], evenAndOddHeaderAndFooters: evenAndOdd });
    bases.set(evenAndOdd, base);
  }
  return base;
}

/** Whether docx's File has the fields this relies on (it does in the pinned 9.15.2). */
function checkUsable(): boolean {
  const f = baseFile(true) as unknown as Partial<FileFields>;
  const fields: (keyof FileFields)[] = [
    'documentWrapper',
    'coreProperties',
    'numbering',
    'media',
    'footnotesWrapper',
    'endnotesWrapper',
    'contentTypes',
    'comments',
    'packageParts',
  ];
  return (
    typeof f.currentRelationshipId === 'number' &&
    Array.isArray(f.headers) &&
    Array.isArray(f.footers) &&
    typeof f.addSection === 'function' &&
    fields.every((k) => typeof f[k] === 'object' && f[k] !== null) &&
    typeof f.packageParts?.takePath === 'function'
  );
}

/** A docx File for the options: see the module comment. */
export function newDocument(options: IPropertiesOptions): Document {
  if (
    !Object.keys(options).every((k) => PLAIN.has(k) || (options as Record<string, unknown>)[k] === undefined)
  )
    return new Document(options);
  usable ??= checkUsable();
  if (!usable) return new Document(options);
  const base = baseFile(options.evenAndOddHeaderAndFooters === true) as unknown as FileFields;
  const file = Object.create(base) as FileFields;
  file.currentRelationshipId = 1;
  file.headers = [];
  file.footers = [];
  file.coreProperties = new (classOf(base.coreProperties))({
    ...options,
    creator: options.creator ?? 'Un-named',
    revision: options.revision ?? 1,
    lastModifiedBy: options.lastModifiedBy ?? 'Un-named',
  });
  file.numbering = new Numbering({ config: [] });
  file.comments = new Comments({ children: [] });
  file.footnotesWrapper = new (classOf(base.footnotesWrapper))();
  file.endnotesWrapper = new (classOf(base.endnotesWrapper))();
  file.contentTypes = new (classOf(base.contentTypes))({ macros: false });
  file.packageParts = new (classOf(base.packageParts))(file.contentTypes) as FileFields['packageParts'];
  file.documentWrapper = new (classOf(base.documentWrapper))({
    background: undefined,
    pageNumbers: undefined,
  }) as FileFields['documentWrapper'];
  file.media = new Media((extension) => file.packageParts.takePath('media', 'image', extension));
  // File.addDefaultRelationships, less the package's own (the same in every document, kept by the base).
  const rels = file.documentWrapper.Relationships;
  for (const [type, target] of [
    ['styles', 'styles.xml'],
    ['numbering', 'numbering.xml'],
    ['footnotes', 'footnotes.xml'],
    ['endnotes', 'endnotes.xml'],
    ['settings', 'settings.xml'],
  ] as const)
    rels.addRelationship(file.currentRelationshipId++, `${REL}/${type}`, target);
  for (const section of options.sections) file.addSection(section);
  rels.addRelationship(file.currentRelationshipId++, `${REL}/theme`, 'theme/theme1.xml');
  plain.add(file);
  return file as unknown as Document;
}
