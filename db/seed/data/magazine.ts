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
  editorsNote: string;
}[] = [
  {
    slug: '2025-01',
    title: 'January/February 2025',
    volume: 8,
    number: 1,
    coverDate: '2025-01-01',
    editorsNote:
      'Our double issue opens a year with a countdown: New START, the last treaty limiting the two largest nuclear arsenals, runs out in February 2026.',
  },
  {
    slug: '2025-03',
    title: 'March 2025',
    volume: 8,
    number: 2,
    coverDate: '2025-03-01',
    editorsNote:
      'This month we look at the conventional-weapons treaties that Europe built after the Cold War, and at the pressure they are now under.',
  },
  {
    slug: '2025-04',
    title: 'April 2025',
    volume: 8,
    number: 3,
    coverDate: '2025-04-01',
    editorsNote:
      'Five countries on NATO\'s eastern flank have said they will leave the Mine Ban Treaty. This issue asks what that means for a norm that has held for a quarter century.',
  },
];
