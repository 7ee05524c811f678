import type { SeedIssueSlug, SeedSectionSlug } from '../types';

export const SEED_SECTIONS: { slug: SeedSectionSlug; name: string; description: string }[] = [
  { slug: 'news', name: 'News', description: 'What happened, what it means, and what comes next.' },
  { slug: 'features', name: 'Features', description: 'Longer reporting on the people and places behind the treaties.' },
  { slug: 'analysis', name: 'Analysis', description: 'Arguments and assessments from our staff and contributors.' },
  { slug: 'book-reviews', name: 'Book Reviews', description: 'New books on arms control, diplomacy and security.' },
];

export const SEED_ISSUES: {
  slug: SeedIssueSlug;
  title: string;
  volume: number;
  number: number;
  coverDate: string;
  plannedPublicationDate: string;
  status: 'planning' | 'published';
  editorsNote: string;
}[] = [
  {
    slug: '2025-01',
    title: 'January/February 2025',
    volume: 8,
    number: 1,
    coverDate: '2025-01-01',
    plannedPublicationDate: '2025-01-01',
    status: 'published',
    editorsNote:
      'Our double issue opens a year with a countdown: New START, the last treaty limiting the two largest nuclear arsenals, runs out in February 2026.',
  },
  {
    slug: '2025-03',
    title: 'March 2025',
    volume: 8,
    number: 2,
    coverDate: '2025-03-01',
    plannedPublicationDate: '2025-03-01',
    status: 'published',
    editorsNote:
      'This month we look at the conventional-weapons treaties that Europe built after the Cold War, and at the pressure they are now under.',
  },
  {
    slug: '2025-04',
    title: 'April 2025',
    volume: 8,
    number: 3,
    coverDate: '2025-04-01',
    plannedPublicationDate: '2025-04-01',
    status: 'published',
    editorsNote:
      'Five countries on NATO\'s eastern flank have said they will leave the Mine Ban Treaty. This issue asks what that means for a norm that has held for a quarter century.',
  },
  {
    slug: '2025-05',
    title: 'May 2025',
    volume: 8,
    number: 4,
    coverDate: '2025-05-01',
    plannedPublicationDate: '2025-05-30',
    status: 'planning',
    editorsNote:
      'The last preparatory meeting before the 2026 NPT Review Conference has ended. This issue asks what the review conference will have to settle, and whether it can.',
  },
];

/**
 * The planned order of each issue's table of contents, by section: lead stories first. Articles
 * not named here follow in the order they are listed in the demo data.
 */
export const SEED_TOC_ORDER: Partial<Record<SeedIssueSlug, Partial<Record<SeedSectionSlug, string[]>>>> = {
  '2025-04': {
    news: [
      'baltic-states-poland-recommend-leaving-mine-ban-treaty',
      'finland-to-prepare-withdrawal-from-mine-ban-treaty',
      'icbl-campaigners-condemn-mine-ban-treaty-exits',
      'us-iran-talks-begin-in-oman',
      'final-npt-prepcom-before-2026-review-conference',
    ],
    features: ['landmine-contamination-and-the-long-work-of-clearance', 'new-start-final-year-without-talks', 'nuclear-testing-moratorium-under-pressure'],
    analysis: [
      'what-withdrawals-mean-for-the-mine-ban-norm',
      'eastern-flank-mines-deterrence-by-denial',
      'how-withdrawal-from-disarmament-treaties-works',
      'what-a-us-iran-deal-would-need',
    ],
  },
};
