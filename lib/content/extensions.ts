import type { Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { isAllowedHref } from './is-allowed-href';
import { Subscript } from './marks/subscript';
import { Superscript } from './marks/superscript';
import { EntityMention } from './nodes/entity-mention';
import { Figure } from './nodes/figure';
import { Footnote } from './nodes/footnote';
import { MembersStart } from './nodes/members-start';
import { PullQuote } from './nodes/pull-quote';
import { ArticleTable } from './nodes/table';
import { ArticleTableCell, ArticleTableHeader } from './nodes/table-cell';

export const HEADING_LEVELS = [2, 3, 4] as const;

let extensions: Extensions | undefined;

/**
 * The one list of nodes and marks an article can contain. The editor (in the browser) and the
 * validator and renderer (on the server) all build their schema from this list, made once per
 * process; each call returns a fresh array so a caller can add editor-only extensions to it.
 */
export function articleExtensions(): Extensions {
  extensions ??= createArticleExtensions();
  return [...extensions];
}

function createArticleExtensions(): Extensions {
  return [
    // StarterKit's markdown-style input rules (## heading, - list, 1. list, > quote, --- rule,
    // **bold**, *italic*, ~~strike~~) come with the extensions kept here.
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      link: false,
      underline: false,
      trailingNode: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ['mailto'],
      defaultProtocol: 'https',
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      isAllowedUri: (url) => isAllowedHref(url),
    }),
    Subscript,
    Superscript,
    PullQuote,
    Figure,
    Footnote,
    EntityMention,
    MembersStart,
    ArticleTable.configure({ resizable: false }),
    TableRow,
    ArticleTableHeader,
    ArticleTableCell,
  ];
}
