import { Fragment, type ContentMatch, type MarkType, type Node as ProseMirrorNode, type NodeType, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';

/**
 * Repairs what two valid changes can make invalid together, in a shared document, without taking away
 * anything a writer wrote:
 * - content a node requires and no longer has (a list both writers emptied, a list item whose first
 *   paragraph one writer removed while another put a quote after it) is filled in with empty nodes, where
 *   the schema says what is missing;
 * - marks that exclude each other on the same letters (subscript from one writer, superscript from
 *   another) keep the one the schema lists first;
 * - a heading whose level was lost between two writers' changes (it then reads as level 1, the title's)
 *   becomes the first level an article's headings may have.
 * Anything else (an unknown node, a child no filling can make fit) is left as it is, for the caller to
 * refuse. Runs in the caller's transaction; returns whether it changed anything.
 */
export function repairMergedStructure(fragment: Y.XmlFragment, { schema, headingLevels }: { schema: Schema; headingLevels: readonly number[] }): boolean {
  let changed = fillRequiredContent(fragment, schema.topNodeType, schema);
  for (const text of textsIn(fragment)) changed = keepOneOfExclusiveMarks(text, schema) || changed;
  for (const heading of elementsNamed(fragment, 'heading')) {
    if (headingLevels.includes(Number(heading.getAttribute('level') ?? NaN))) continue;
    heading.setAttribute('level', headingLevels[0] as unknown as string);
    changed = true;
  }
  return changed;
}

function elementsNamed(parent: Y.XmlFragment | Y.XmlElement, name: string): Y.XmlElement[] {
  return parent.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [...(child.nodeName === name ? [child] : []), ...elementsNamed(child, name)] : []));
}

function fillRequiredContent(parent: Y.XmlFragment | Y.XmlElement, type: NodeType, schema: Schema): boolean {
  let changed = false;
  const children = parent.toArray();
  const types: NodeType[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      // An empty text holds no node at all.
      if (child.length > 0) types.push(schema.nodes.text!);
      continue;
    }
    if (!(child instanceof Y.XmlElement)) return changed;
    const childType = schema.nodes[child.nodeName];
    if (!childType) return changed;
    changed = fillRequiredContent(child, childType, schema) || changed;
    types.push(childType);
  }
  const samples = types.map((childType) => sampleOf(childType, schema));
  if (samples.some((sample) => sample === null)) return changed;
  // Children walked as types only: inline content sits in one Y.XmlText however many text nodes it holds.
  let match: ContentMatch = type.contentMatch;
  for (const [index, childType] of types.entries()) {
    const next = match.matchType(childType);
    if (next) {
      match = next;
      continue;
    }
    const fill = match.fillBefore(Fragment.from(samples.slice(index) as ProseMirrorNode[]), true);
    if (!fill || fill.childCount === 0) return changed;
    parent.insert(yIndexOf(children, index), fill.content.map(sharedNodeOf));
    return true;
  }
  if (match.validEnd) return changed;
  const fill = match.fillBefore(Fragment.empty, true);
  if (!fill || fill.childCount === 0) return changed;
  parent.insert(children.length, fill.content.map(sharedNodeOf));
  return true;
}

/** A node of this type for matching only: its content is never looked at. */
function sampleOf(type: NodeType, schema: Schema): ProseMirrorNode | null {
  if (type === schema.nodes.text) return schema.text('x');
  return type.createAndFill();
}

/** Where the `index`th node (counting non-empty texts and elements) sits among the shared children. */
function yIndexOf(children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[], index: number): number {
  let counted = -1;
  for (const [position, child] of children.entries()) {
    if (child instanceof Y.XmlText && child.length === 0) continue;
    counted += 1;
    if (counted === index) return position;
  }
  return children.length;
}

/** A ProseMirror node as the editor's binding writes it into a shared document: element, attributes, children. */
function sharedNodeOf(node: ProseMirrorNode): Y.XmlElement | Y.XmlText {
  if (node.isText) {
    const text = new Y.XmlText();
    text.insert(0, node.text ?? '');
    return text;
  }
  const element = new Y.XmlElement(node.type.name);
  for (const [name, value] of Object.entries(node.attrs)) if (value !== null) element.setAttribute(name, value as string);
  const content: (Y.XmlElement | Y.XmlText)[] = [];
  node.forEach((child) => content.push(sharedNodeOf(child)));
  if (content.length > 0) element.insert(0, content);
  return element;
}

function textsIn(parent: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return parent.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsIn(child) : []));
}

/** A formatting key of the binding: the mark's name, or its name and `--` and a hash for a mark that may repeat. */
const markNameOf = (key: string) => key.split('--')[0]!;

function keepOneOfExclusiveMarks(text: Y.XmlText, schema: Schema): boolean {
  const order = Object.keys(schema.marks);
  const removals: { index: number; length: number; key: string }[] = [];
  let index = 0;
  for (const run of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof run.insert === 'string' ? run.insert.length : 1;
    const keys = Object.keys(run.attributes ?? {})
      .filter((key) => schema.marks[markNameOf(key)])
      .sort((left, right) => order.indexOf(markNameOf(left)) - order.indexOf(markNameOf(right)));
    const kept: MarkType[] = [];
    for (const key of keys) {
      const type = schema.marks[markNameOf(key)]!;
      if (kept.some((other) => other !== type && other.excludes(type))) removals.push({ index, length, key });
      else kept.push(type);
    }
    index += length;
  }
  for (const { index: at, length, key } of removals) text.format(at, length, { [key]: null });
  return removals.length > 0;
}
