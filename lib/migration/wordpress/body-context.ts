/** An image in the export's media library, as bodies refer to it (`[gallery ids]`, `wp-image-12`). */
export type WxrAttachment = { id: string; url: string; alt: string; caption: string; title: string; parentId: string };

/** What converting one post's body needs to know, and where it reports what it dropped. */
export type BodyContext = {
  attachments: ReadonlyMap<string, WxrAttachment>;
  /** The export's reusable blocks (`wp_block`) by id, as saved: `<!-- wp:block {"ref"} /-->` shows one in its place. */
  reusableBlocks?: ReadonlyMap<string, string>;
  /** The reusable blocks being shown, outermost first: one that holds itself is shown once. */
  reusableBlocksOpen?: readonly string[];
  /** The post whose body this is: a `[gallery]` without ids shows this post's own attachments. */
  postId: string;
  /** The post's `footnotes` meta: JSON `[{ id, content }]` that block footnote anchors point into. */
  footnotes: string;
  warn: (message: string) => void;
};
