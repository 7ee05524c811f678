import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import { InvalidInputError } from '@/lib/platform/errors/domain-errors';

/** One `<item>`, `<wp:author>`, `<wp:category>`, `<wp:tag>` or `<wp:term>` of the channel, flattened. */
export type WxrRecord = {
  element: string;
  /** Text of each simple child element (`wp:post_id`, `title`, `content:encoded` …). */
  fields: Record<string, string>;
  categories: { domain: string; nicename: string; name: string }[];
  postmeta: Map<string, string>;
};

export type WxrHead = { fields: Record<string, string> };

const RECORD_ELEMENTS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);
const READ_VERSIONS = /^1\.[0-2]$/;
const CHUNK_BYTES = 64 * 1024;
const NOT_WXR = 'This file is not a WordPress export (WXR):';

type Sink = { onHead?: (head: WxrHead) => void; onRecord: (record: WxrRecord) => void };

/**
 * A strict sax parser that hands over each channel-level record as soon as it closes, so a file
 * of any size is read with one record in memory at a time. Comments inside items are skipped.
 */
function createWxrParser(sink: Sink): sax.SAXParser {
  const parser = sax.parser(true, { trim: false, normalize: false });
  // sax only records an error until the next write; stopping at once keeps the line number true.
  parser.onerror = (error) => {
    throw error;
  };
  const stack: string[] = [];
  const channel: Record<string, string> = {};
  let headDone = false;
  let record: WxrRecord | null = null;
  let category: { domain: string; nicename: string } | null = null;
  let metaKey = '';
  let metaValue = '';
  let text = '';
  let capturing = false;

  const finishHead = () => {
    if (headDone) return;
    headDone = true;
    sink.onHead?.({ fields: channel });
  };

  parser.onopentag = (node) => {
    stack.push(node.name);
    const depth = stack.length;
    if (depth === 1 && node.name !== 'rss') throw new InvalidInputError(`${NOT_WXR} its root element is <${node.name}>, not <rss>.`);
    if (depth === 3) {
      if (RECORD_ELEMENTS.has(node.name)) {
        finishHead();
        record = { element: node.name, fields: {}, categories: [], postmeta: new Map() };
      } else {
        text = '';
        capturing = true;
      }
      return;
    }
    if (!record || stack.includes('wp:comment')) return;
    if (depth === 4) {
      if (node.name === 'category') category = { domain: String(node.attributes.domain ?? ''), nicename: String(node.attributes.nicename ?? '') };
      if (node.name === 'wp:postmeta') {
        metaKey = '';
        metaValue = '';
        return;
      }
      text = '';
      capturing = node.name !== 'wp:comment';
    } else if (depth === 5 && stack[3] === 'wp:postmeta') {
      text = '';
      capturing = true;
    }
  };

  const onText = (chunk: string) => {
    if (capturing) text += chunk;
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  parser.onclosetag = (name) => {
    const depth = stack.length;
    stack.pop();
    if (depth === 3) {
      if (record && name === record.element) {
        const done = record;
        record = null;
        sink.onRecord(done);
      } else if (!headDone) channel[name] = text.trim();
      capturing = false;
      return;
    }
    if (depth === 2) finishHead();
    if (depth === 4 && name === 'wp:postmeta' && record && metaKey !== '') record.postmeta.set(metaKey, metaValue);
    if (!record || !capturing) return;
    if (depth === 5) {
      if (name === 'wp:meta_key') metaKey = text.trim();
      if (name === 'wp:meta_value') metaValue = text;
      capturing = false;
      return;
    }
    if (depth === 4) {
      if (name === 'category' && category) record.categories.push({ ...category, name: text.trim() });
      else if (!(name in record.fields)) record.fields[name] = text;
      category = null;
      capturing = false;
    }
  };

  return parser;
}

function damaged(parser: sax.SAXParser, error: Error): InvalidInputError {
  if (error instanceof InvalidInputError) return error;
  const reason = firstLine(error.message);
  return new InvalidInputError(`The WordPress export is damaged at line ${parser.line + 1}: ${reason}. Export it again from Tools → Export in WordPress.`);
}

/**
 * Reads only as far as the channel's own fields (title, link, `wp:wxr_version`, base URLs), which
 * come before the first author or item, and refuses a file that is not a WXR this reader knows.
 */
export function readWxrHead(filePath: string): WxrHead {
  let head: WxrHead | null = null;
  let sawRoot = false;
  const parser = createWxrParser({ onHead: (found) => (head = found), onRecord: () => {} });
  const openTag = parser.onopentag;
  parser.onopentag = (node) => {
    sawRoot = true;
    openTag(node);
  };
  if (!existsSync(filePath)) throw new InvalidInputError(`There is no file at ${filePath}.`);
  const fd = openSync(filePath, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  try {
    let first = true;
    while (!head) {
      const bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytes === 0) {
        parser.close();
        break;
      }
      let chunk = decoder.write(buffer.subarray(0, bytes));
      if (first) chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
      parser.write(chunk);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    if (!sawRoot) throw new InvalidInputError(`${NOT_WXR} it is not XML. (The parser stopped at line ${parser.line + 1}: ${reason}.)`);
    throw damaged(parser, error instanceof Error ? error : new Error(reason));
  } finally {
    closeSync(fd);
  }
  const found = head as WxrHead | null;
  if (!sawRoot) throw new InvalidInputError(`${NOT_WXR} it is not XML.`);
  const version = found?.fields['wp:wxr_version'];
  if (!version) throw new InvalidInputError(`${NOT_WXR} it has no wp:wxr_version. Export it again from Tools → Export in WordPress.`);
  if (!READ_VERSIONS.test(version)) throw new InvalidInputError(`This WordPress export is WXR version ${version}; Masthead reads versions 1.0 to 1.2.`);
  return found!;
}

/** Every channel-level record of the file, in file order, streamed. */
export async function* readWxrRecords(filePath: string): AsyncGenerator<WxrRecord> {
  const queue: WxrRecord[] = [];
  const parser = createWxrParser({ onRecord: (record) => queue.push(record) });
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    let first = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      try {
        parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      } catch (error) {
        throw damaged(parser, error instanceof Error ? error : new Error(String(error)));
      }
      first = false;
      while (queue.length > 0) yield queue.shift()!;
    }
    try {
      parser.close();
    } catch (error) {
      throw damaged(parser, error instanceof Error ? error : new Error(String(error)));
    }
    while (queue.length > 0) yield queue.shift()!;
  } finally {
    stream.destroy();
  }
}

/** sax's messages run over several lines and end with a full stop; the sentence around them adds its own. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/\.+$/, '') || 'unreadable XML';
}
