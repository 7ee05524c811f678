import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { followableEntities } from '@/lib/readers/followable-entities';
import { SubscribeForm } from './subscribe-form.client';

export const metadata: Metadata = { title: 'Subscribe', description: 'Get each new issue of Masthead and alerts about the subjects you follow, by email.' };

const PROBLEMS: Record<string, string> = {
  invalid: 'That did not work: check the address and choose at least one thing to receive.',
  rate_limited: 'Too many requests to subscribe from here or for this address. Please try again in an hour.',
  server: 'Something went wrong on our side; please try again in a moment.',
};

type Props = { searchParams: Promise<{ follow?: string | string[]; problem?: string }> };

export default async function SubscribePage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const ids = [params.follow ?? []].flat().flatMap((value) => value.split(',')).map(Number);
  const entities = followableEntities(ids).map((entity) => ({ id: entity.id, name: entity.name, kindLabel: ENTITY_KIND_LABELS[entity.kind].one.toLowerCase() }));
  const problem = params.problem ? PROBLEMS[params.problem] : undefined;
  return (
    <section className="narrow subscribe-page">
      <h1>Subscribe to Masthead</h1>
      <p className="dek">The issue email each month, and alerts when we publish about the treaties, countries, people and organizations you follow.</p>
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
      <SubscribeForm entities={entities} />
      <p className="meta">
        Already subscribed? <a href="/account">Manage your email</a>. To follow a subject, use the form on its page.
      </p>
    </section>
  );
}
