import Link from 'next/link';

type Props = {
  /** When given, the box offers to follow this entity as well as the issue email. */
  entity?: { id: number; kind: string; name: string };
};

/** An invitation to subscribe, placed under articles and on entity pages. */
export function SubscribeBox({ entity }: Props) {
  return (
    <aside className="subscribe-box" aria-label="Subscribe">
      <p>{entity ? `Get an email when we write about ${entity.name}, and each new issue.` : 'Get each new issue by email.'}</p>
      <Link href={entity ? `/subscribe?follow=${entity.id}` : '/subscribe'}>Subscribe</Link>
    </aside>
  );
}
