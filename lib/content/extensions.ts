import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { isAllowedHref } from './is-allowed-href';

export const HEADING_LEVELS = [2, 3, 4] as const;

/**
 * The one list of nodes and marks an article can contain. The editor (in the browser) and the
 * validator and renderer (on the server) all build their schema from this list.
 */
export function articleExtensions(): Extensions {
  return [
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
  ];
}
