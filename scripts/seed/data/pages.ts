import type { SeedBlock } from '../types';

export type SeedPage = { slug: string; title: string; seoDescription: string; body: SeedBlock[] };

/** The demo magazine's standalone pages, published. */
export const SEED_PAGES: SeedPage[] = [
  {
    slug: 'about',
    title: 'About Masthead',
    seoDescription: 'Who we are, what we cover and how we are funded.',
    body: [
      { type: 'paragraph', text: 'Masthead is an independent magazine on arms control, disarmament and nonproliferation. We publish news every weekday and a monthly issue of features, analysis and book reviews.' },
      { type: 'heading', level: 2, text: 'What we cover' },
      { type: 'bulletList', items: ['Treaties and the talks around them', 'Nuclear, chemical and biological weapons policy', 'Export controls and verification'] },
      { type: 'paragraph', text: 'Corrections are listed on their own page, and every corrected article says what changed.' },
    ],
  },
  {
    slug: 'submission-guidelines',
    title: 'Submission guidelines',
    seoDescription: 'How to pitch an article or a book review to Masthead.',
    body: [
      { type: 'paragraph', text: 'We welcome pitches from researchers, practitioners and journalists. Send a summary of no more than 300 words, saying what is new and why it matters now.' },
      { type: 'heading', level: 2, text: 'What to include' },
      { type: 'orderedList', items: ['A working title', 'The argument in two or three sentences', 'Your relevant experience', 'Any conflicts of interest'] },
      { type: 'paragraph', text: 'Features run from 2,000 to 4,000 words; analysis pieces from 1,000 to 2,000. We reply to every pitch within two weeks.' },
    ],
  },
];

/** Today's built-in links, and the pages in the footer (the header stays short: the newest article is a few Tab presses from the top). */
export const SEED_NAVIGATION = {
  header: [
    { label: 'Issues', href: '/issues' },
    { label: 'Search', href: '/search' },
    { label: 'Subscribe', href: '/subscribe' },
  ],
  footer: [
    { label: 'Corrections', href: '/corrections' },
    { label: 'Subscribe', href: '/subscribe' },
    { label: 'RSS', href: '/feed.xml' },
    { label: 'About', href: '/about' },
    { label: 'Submission guidelines', href: '/submission-guidelines' },
  ],
} as const;
