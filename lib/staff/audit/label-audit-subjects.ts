import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, contributors, entities, issues, users } from '@/db/schema';

type Subject = { subjectType: string; subjectId: number | null };

/** Current names of the things a page of audit entries is about, keyed `type:id`; one query per kind. */
export function labelAuditSubjects(db: Pick<Db, 'select'>, subjects: Subject[]): Map<string, string> {
  const idsOf = (type: string) => [...new Set(subjects.filter((subject) => subject.subjectType === type && subject.subjectId !== null).map((subject) => subject.subjectId!))];
  const labels = new Map<string, string>();
  const add = (type: string, rows: { id: number; label: string }[]) => {
    for (const row of rows) labels.set(`${type}:${row.id}`, row.label);
  };
  const articleIds = idsOf('article');
  if (articleIds.length > 0) add('article', db.select({ id: articles.id, label: articles.title }).from(articles).where(inArray(articles.id, articleIds)).all());
  const userIds = idsOf('user');
  if (userIds.length > 0) add('user', db.select({ id: users.id, label: users.name }).from(users).where(inArray(users.id, userIds)).all());
  const contributorIds = idsOf('contributor');
  if (contributorIds.length > 0) {
    add('contributor', db.select({ id: contributors.id, label: contributors.name }).from(contributors).where(inArray(contributors.id, contributorIds)).all());
  }
  const entityIds = idsOf('entity');
  if (entityIds.length > 0) add('entity', db.select({ id: entities.id, label: entities.name }).from(entities).where(inArray(entities.id, entityIds)).all());
  const issueIds = idsOf('issue');
  if (issueIds.length > 0) add('issue', db.select({ id: issues.id, label: issues.title }).from(issues).where(inArray(issues.id, issueIds)).all());
  return labels;
}
