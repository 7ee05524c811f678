import type { EntityKind } from '@/lib/entities/entity-types';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';

type Props = {
  /** When given, the box offers to follow this entity as well as the issue email. */
  entity?: { id: number; kind: string; name: string };
};

/**
 * The small subscribe form under articles and on entity pages. A plain form posting to
 * /api/subscribe (no script needed); the answer is a page saying to check the inbox.
 */
export function SubscribeBox({ entity }: Props) {
  const kindLabel = entity ? (ENTITY_KIND_LABELS[entity.kind as EntityKind]?.one.toLowerCase() ?? 'subject') : null;
  const fieldId = entity ? `subscribe-email-${entity.id}` : 'subscribe-email';
  return (
    <aside className="subscribe-box" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>{entity ? `Follow this ${kindLabel}` : 'Get Masthead by email'}</h2>
      <p>{entity ? `An email when we publish about ${entity.name}.` : 'Each new issue, with its table of contents, when it comes out.'}</p>
      <form method="post" action="/api/subscribe">
        {entity ? <input type="hidden" name="follow" value={entity.id} /> : <input type="hidden" name="wantsIssueEmail" value="on" />}
        <label htmlFor={fieldId}>Email address</label>{' '}
        <input id={fieldId} type="email" name="email" autoComplete="email" required maxLength={254} />{' '}
        <button type="submit">{entity ? 'Follow' : 'Subscribe'}</button>
        {entity ? (
          <label className="checkbox">
            <input type="checkbox" name="wantsIssueEmail" /> Also send each new issue
          </label>
        ) : null}
      </form>
      <p className="meta">
        We confirm the address first. <a href={entity ? `/subscribe?follow=${entity.id}` : '/subscribe'}>More choices</a>
      </p>
    </aside>
  );
}
