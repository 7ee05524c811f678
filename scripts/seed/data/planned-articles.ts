import type { SeedArticle } from '../types';

/**
 * Articles planned for the May 2025 issue, not yet published: two approved and one still a draft,
 * so the issue planner has something to show and something that blocks.
 */
export const SEED_PLANNED_ARTICLES: SeedArticle[] = [
  {
    slug: 'npt-prepcom-closes-without-agreed-recommendations',
    title: 'NPT Preparatory Session Closes Without Agreed Recommendations',
    dek: 'Delegates leave New York with a chair’s summary but no consensus text to hand to the 2026 Review Conference.',
    section: 'news',
    issue: '2025-05',
    status: 'approved',
    authors: ['editor'],
    publishedAt: '2025-05-12T09:00:00Z',
    body: [
      { type: 'paragraph', text: 'The third and final session of the Preparatory Committee for the 2026 Review Conference of the Treaty on the Non-Proliferation of Nuclear Weapons ended in New York without agreement on recommendations to the conference. States parties did settle most procedural questions, including the dates and the venue, but a draft of substantive recommendations circulated by the chair did not win consensus.' },
      { type: 'paragraph', text: 'Delegations described a familiar pattern. Non-nuclear-weapon states pressed for concrete steps on disarmament and for time-bound commitments, while the nuclear-weapon states stressed the security environment and the absence of any new arms control talks. Disputes over the war in Ukraine, the safety of nuclear facilities there and the Iranian nuclear program ran through the general debate.' },
      { type: 'heading', level: 2, text: 'What happens next' },
      { type: 'paragraph', text: 'The chair’s summary will be forwarded under the chair’s own responsibility, which means it binds no one. Diplomats said the real work now moves to capitals and to informal consultations over the coming year. The last two review conferences, in 2015 and 2022, ended without a consensus final document, and several delegations said openly that a third failure would damage the treaty’s standing.' },
      { type: 'paragraph', text: 'Supporters of the treaty pointed out that the nonproliferation regime has weathered failed conferences before. Critics answered that the treaty’s bargain, in which states without nuclear weapons forgo them while the nuclear-armed states work toward disarmament, looks less credible each time a review ends without agreement.' },
    ],
    entities: ['treaty:npt', 'topic:nonproliferation', 'organization:united-nations'],
  },
  {
    slug: 'us-iran-negotiators-meet-again-in-muscat',
    title: 'U.S. and Iranian Negotiators Meet Again in Muscat',
    dek: 'A further round of indirect talks through Omani mediators ends with both sides saying they will keep talking.',
    section: 'news',
    issue: '2025-05',
    status: 'approved',
    authors: ['author'],
    publishedAt: '2025-05-13T10:00:00Z',
    body: [
      { type: 'paragraph', text: 'American and Iranian negotiators held another round of indirect talks in Muscat, with Omani officials carrying messages between the delegations. Both sides described the meeting as useful and said that technical experts would continue to work on the details, but neither gave a date for the next round.' },
      { type: 'paragraph', text: 'The central question remains uranium enrichment. Iranian officials have said repeatedly that enrichment on Iranian soil is not negotiable, while some officials in Washington have said that any agreement must end it. Between those positions lie proposals for limits on the level of enrichment and the size of the stockpile, and for a return of international inspectors to the sites they have not been able to visit since 2021.' },
      { type: 'heading', level: 2, text: 'The inspectors’ role' },
      { type: 'paragraph', text: 'The International Atomic Energy Agency has reported that Iran’s stock of uranium enriched to 60 percent has grown sharply, and that the agency can no longer give assurances about parts of the program. Any deal would depend on restoring that knowledge. Agency officials have said they are ready to verify whatever the two sides agree, provided they receive the access they need.' },
      { type: 'paragraph', text: 'Oman has played the go-between for years, including in the contacts that led to the 2015 nuclear agreement. Diplomats in the region said the sultanate’s quiet approach, with few leaks and no public deadlines, had helped keep the talks going through difficult weeks.' },
    ],
    entities: ['country:united-states', 'country:iran', 'country:oman', 'organization:iaea', 'topic:nonproliferation'],
  },
  {
    slug: 'what-the-2026-review-conference-must-settle',
    title: 'What the 2026 Review Conference Will Have to Settle',
    dek: 'Three questions that decide whether the NPT’s next review ends with an agreed text or a third failure in a row.',
    section: 'analysis',
    issue: '2025-05',
    status: 'draft',
    authors: ['lena-hart'],
    publishedAt: '2025-05-14T15:00:00Z',
    body: [
      { type: 'paragraph', text: 'Review conferences of the Treaty on the Non-Proliferation of Nuclear Weapons work by consensus, so a single state can block a final document. That rule has shaped every review since the treaty was extended indefinitely in 1995, and it will shape the next one. The question is less whether states disagree, which they always do, than whether they can find language each of them can live with.' },
      { type: 'heading', level: 2, text: 'Disarmament without talks' },
      { type: 'paragraph', text: 'The first question is what the nuclear-weapon states can offer when no arms control negotiations are under way. New START, the last treaty limiting the two largest arsenals, expires in February 2026. Without a successor or at least a political commitment to respect its limits, the conference will open with the disarmament pillar of the treaty looking emptier than at any time in decades.' },
      { type: 'heading', level: 2, text: 'Safeguards and the hard cases' },
      { type: 'paragraph', text: 'The second question is how to speak about the hard cases, above all Iran, without one side or the other walking out. The third is whether states can agree on anything about the safety of nuclear power plants in war zones. None of these has an obvious answer. Together they suggest that the most useful outcome may be a short document that records what states still share, rather than a long one that no one can accept.' },
    ],
    entities: ['treaty:npt', 'treaty:new-start', 'topic:nonproliferation', 'topic:strategic-arms-control'],
  },
];
