import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const TOPICS = ['verification', 'stockpiles', 'test bans', 'missile defence', 'enrichment', 'export controls', 'inspections', 'treaty withdrawal', 'confidence building', 'delivery systems'];
const PLACES = ['Vienna', 'Geneva', 'New York', 'Almaty', 'Pretoria', 'Canberra', 'Brasília', 'Oslo'];
const AUTHORS = ['ada', 'bram', 'chidi', 'dora', 'emil', 'farah'];
const CATEGORIES = [
  ['nuclear', ''], ['treaties', 'nuclear'], ['testing', 'nuclear'], ['chemical', ''], ['biological', ''],
  ['conventional', ''], ['small-arms', 'conventional'], ['space', ''], ['cyber', ''], ['diplomacy', ''],
] as const;
const TAG_COUNT = 150;

/** A small deterministic generator, so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Writes a large, realistic WordPress export: authors, nested categories, tags, attachments, and
 * `posts` posts alternating classic and block bodies of a few paragraphs each. Streamed, so even a
 * very large file never sits whole in memory.
 */
export async function generateWxr({ posts, filePath }: { posts: number; filePath: string }): Promise<void> {
  const out = createWriteStream(filePath, { encoding: 'utf8' });
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;

  await write(out, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated Review</title>
<link>https://generated.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://generated.example.org</wp:base_site_url>
`);
  for (const [index, login] of AUTHORS.entries()) {
    await write(out, `<wp:author><wp:author_id>${index + 1}</wp:author_id><wp:author_login><![CDATA[${login}]]></wp:author_login><wp:author_email><![CDATA[${login}@generated.example.org]]></wp:author_email><wp:author_display_name><![CDATA[${login[0]!.toUpperCase()}${login.slice(1)} Writer]]></wp:author_display_name></wp:author>\n`);
  }
  for (const [index, [slug, parent]] of CATEGORIES.entries()) {
    await write(out, `<wp:category><wp:term_id>${index + 1}</wp:term_id><wp:category_nicename><![CDATA[${slug}]]></wp:category_nicename><wp:category_parent><![CDATA[${parent}]]></wp:category_parent><wp:cat_name><![CDATA[${slug.replace('-', ' ')}]]></wp:cat_name></wp:category>\n`);
  }
  for (let tag = 0; tag < TAG_COUNT; tag++) {
    await write(out, `<wp:tag><wp:term_id>${100 + tag}</wp:term_id><wp:tag_slug><![CDATA[topic-${tag}]]></wp:tag_slug><wp:tag_name><![CDATA[Topic ${tag}]]></wp:tag_name></wp:tag>\n`);
  }

  const attachmentCount = Math.max(1, Math.floor(posts / 10));
  for (let index = 0; index < attachmentCount; index++) {
    const id = 1_000_000 + index;
    await write(out, `<item><title><![CDATA[Photograph ${index}]]></title><link>https://generated.example.org/photo-${index}/</link><dc:creator><![CDATA[${pick(AUTHORS)}]]></dc:creator><guid isPermaLink="false">https://generated.example.org/wp-content/uploads/photo-${index}.jpg</guid><content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[A delegation in ${pick(PLACES)}]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_name><![CDATA[photo-${index}]]></wp:post_name><wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[https://generated.example.org/wp-content/uploads/photo-${index}.jpg]]></wp:attachment_url><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Delegates around a table in ${pick(PLACES)}]]></wp:meta_value></wp:postmeta></item>\n`);
  }

  for (let index = 0; index < posts; index++) {
    const id = index + 1;
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const title = `On ${topic} after ${place}, part ${id}`;
    const slug = `${topic.replace(/ /g, '-')}-${id}`;
    const date = new Date(Date.UTC(2010, 0, 1) + index * 3_600_000 * 9);
    const gmt = date.toISOString().slice(0, 19).replace('T', ' ');
    const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, p) =>
      `Paragraph ${p + 1} on ${topic}: the talks in ${place} turned on what each side may count, where inspectors may go, and how quickly a breach would be seen. Delegates agreed that data exchanges matter more than ceilings.`,
    );
    const image = 1_000_000 + (index % attachmentCount);
    const body =
      index % 2 === 0
        ? `${paragraphs.join('\n\n')}\n\n[caption id="attachment_${image}"]<img src="https://generated.example.org/wp-content/uploads/photo-${index % attachmentCount}.jpg" alt="" /> Talks in ${place}[/caption]`
        : paragraphs.map((text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`).join('\n\n') +
          `\n\n<!-- wp:heading -->\n<h2 class="wp-block-heading">What comes next</h2>\n<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>A review in ${place}</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->`;
    const [category] = pick(CATEGORIES);
    const tags = [Math.floor(next() * TAG_COUNT), Math.floor(next() * TAG_COUNT)];
    await write(out, `<item>
<title><![CDATA[${title}]]></title>
<link>https://generated.example.org/${gmt.slice(0, 4)}/${gmt.slice(5, 7)}/${slug}/</link>
<dc:creator><![CDATA[${pick(AUTHORS)}]]></dc:creator>
<guid isPermaLink="false">https://generated.example.org/?p=${id}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[What ${place} means for ${topic}.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date_gmt><![CDATA[${gmt}]]></wp:post_date_gmt>
<wp:post_modified_gmt><![CDATA[${gmt}]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status><![CDATA[${index % 25 === 0 ? 'draft' : 'publish'}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="${category}"><![CDATA[${category}]]></category>
${tags.map((tag) => `<category domain="post_tag" nicename="topic-${tag}"><![CDATA[Topic ${tag}]]></category>`).join('\n')}
<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${image}]]></wp:meta_value></wp:postmeta>
</item>
`);
  }
  await write(out, '</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
