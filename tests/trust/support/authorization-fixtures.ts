import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

export type Caller = 'anonymous' | 'reader' | 'author' | 'other author' | 'editor' | 'admin';

export type StaffCaller = Exclude<Caller, 'anonymous' | 'reader'>;

export const STAFF_EMAILS: Record<StaffCaller, string> = {
  author: 'author@demo.masthead',
  'other author': 'second-author@demo.masthead',
  editor: 'editor@demo.masthead',
  admin: 'admin@demo.masthead',
};

/**
 * Fresh records for one call, written straight into the app's database before the call, so that
 * every allowed caller works on something its call can really change and no call depends on another.
 */
export class MatrixFixtures {
  readonly sqlite: Database.Database;
  private counter = 0;

  constructor(databasePath: string) {
    this.sqlite = new Database(databasePath);
    this.sqlite.pragma('busy_timeout = 5000');
  }

  /** A second author account with the demo password, so "another author" is a real, different person. */
  addSecondAuthor(): void {
    const author = this.get<{ password_hash: string }>('select password_hash from users where email = ?', STAFF_EMAILS.author);
    const id = this.insert("insert into users (email, name, password_hash, role) values (?, 'Second Author', ?, 'author')", STAFF_EMAILS['other author'], author.password_hash);
    this.insert("insert into contributors (name, slug, user_id) values ('Second Author', 'second-author', ?)", id);
  }

  userId(caller: StaffCaller): number {
    return this.get<{ id: number }>('select id from users where email = ?', STAFF_EMAILS[caller]).id;
  }

  /** A word no other record contains, for names, slugs and addresses. */
  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${process.pid}-${this.counter}`;
  }

  number(): number {
    this.counter += 1;
    return this.counter;
  }

  /**
   * A volume and number no other matrix issue holds, inside the desk form's limits (volume
   * 1–999, number 1–99): the matrix's own issues live in numbers 50–99 so the demo's stay free.
   */
  issueNumbering(serial: number): { volume: number; number: number } {
    return { volume: 1 + (serial % 999), number: 50 + Math.floor(serial / 999) };
  }

  /** A draft by the author (or `owner`), with its first revision. */
  draft({ owner = 'author', status = 'draft', sectionId = null, issueId = null }: { owner?: StaffCaller; status?: string; sectionId?: number | null; issueId?: number | null } = {}): { id: number; title: string } {
    const title = `Matrix draft ${this.unique('a')}`;
    const slug = title.toLowerCase().replace(/\W+/g, '-');
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${title} body.` }] }] });
    const ownerId = this.userId(owner);
    const id = this.insert('insert into articles (slug, title, body, body_text, status, created_by, section_id, issue_id) values (?, ?, ?, ?, ?, ?, ?, ?)', slug, title, body, `${title} body.`, status, ownerId, sectionId, issueId);
    const contributorId = this.get<{ id: number }>('select id from contributors where user_id = ?', ownerId).id;
    this.run('insert into article_authors (article_id, contributor_id, position) values (?, ?, 0)', id, contributorId);
    this.run("insert into revisions (article_id, version, slug, title, body, reason, author_id) values (?, 1, ?, ?, ?, 'save', ?)", id, slug, title, body, ownerId);
    return { id, title };
  }

  note(articleId: number): { id: number; body: string } {
    const body = `Matrix note ${this.unique('n')}`;
    return { id: this.insert('insert into article_notes (article_id, author_id, body) values (?, ?, ?)', articleId, this.userId('author'), body), body };
  }

  previewLink(articleId: number): { id: number; label: string } {
    const label = this.unique('link');
    const id = this.insert('insert into preview_links (article_id, token_hash, label, expires_at, created_by) values (?, ?, ?, ?, ?)', articleId, this.unique('hash'), label, Date.now() + 3_600_000, this.userId('editor'));
    return { id, label };
  }

  entity({ status = 'approved' }: { status?: 'approved' | 'pending' } = {}): { id: number; name: string } {
    const name = `Matrix topic ${this.unique('e')}`;
    return { id: this.insert("insert into entities (kind, name, slug, facts, status) values ('topic', ?, ?, '{}', ?)", name, name.toLowerCase().replace(/\W+/g, '-'), status), name };
  }

  issue(): { id: number; slug: string; title: string; volume: number; number: number } {
    const serial = this.number();
    const slug = `matrix-issue-${serial}`;
    const title = `Matrix issue ${serial}`;
    const { volume, number } = this.issueNumbering(serial);
    const id = this.insert("insert into issues (slug, title, volume, number, cover_date, status) values (?, ?, ?, ?, '2031-01-01', 'planning')", slug, title, volume, number);
    return { id, slug, title, volume, number };
  }

  /** A planned issue holding one article that is already published, so nothing blocks publishing the issue. */
  issueReadyToPublish(): { id: number; articleId: number } {
    const issue = this.issue();
    const article = this.get<{ id: number }>("select id from articles where status = 'published' and issue_id in (select id from issues where status = 'published') order by id limit 1");
    this.run('update articles set issue_id = ? where id = ?', issue.id, article.id);
    return { id: issue.id, articleId: article.id };
  }

  section(): { id: number; name: string } {
    const name = `Matrix section ${this.unique('s')}`;
    const position = this.get<{ position: number }>('select coalesce(max(position), 0) + 1 as position from sections').position;
    return { id: this.insert('insert into sections (name, slug, position) values (?, ?, ?)', name, name.toLowerCase().replace(/\W+/g, '-'), position), name };
  }

  spareStaff(): { id: number; email: string } {
    const email = `${this.unique('spare')}@demo.masthead`;
    return { id: this.insert("insert into users (email, name, password_hash, role) values (?, 'Spare Author', 'x', 'author')", email), email };
  }

  contributor({ reviewStatus = 'approved' }: { reviewStatus?: 'approved' | 'pending' } = {}): { id: number; name: string } {
    const name = `Matrix Guest ${this.number()}`;
    return { id: this.insert('insert into contributors (name, slug, review_status) values (?, ?, ?)', name, name.toLowerCase().replace(/\W+/g, '-'), reviewStatus), name };
  }

  subscriber({ status = 'confirmed' }: { status?: string } = {}): { id: number; email: string } {
    const email = `${this.unique('reader')}@example.org`;
    return { id: this.insert('insert into subscribers (email, status, confirmed_at) values (?, ?, ?)', email, status, Date.now()), email };
  }

  /** An open set-password link for `userId`, as an invitation makes one; returns the token the link carries. */
  setPasswordLink(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.insert('insert into password_tokens (user_id, token_hash, expires_at) values (?, ?, ?)', userId, createHash('sha256').update(token, 'utf8').digest('hex'), Date.now() + 3_600_000);
    return token;
  }

  unreadNotification(caller: StaffCaller): number {
    return this.insert("insert into notifications (user_id, kind, message) values (?, 'mention', 'Matrix notification')", this.userId(caller));
  }

  /** Rate limits and failed sign-ins are per address, and every call here comes from one. */
  forgetRateLimits(): void {
    this.run('delete from rate_limit_hits');
    this.run('delete from login_attempts');
  }

  get<Row>(sql: string, ...params: unknown[]): Row {
    const row = this.sqlite.prepare(sql).get(...params) as Row | undefined;
    if (row === undefined) throw new Error(`No row for: ${sql} ${JSON.stringify(params)}`);
    return row;
  }

  find<Row>(sql: string, ...params: unknown[]): Row | undefined {
    return this.sqlite.prepare(sql).get(...params) as Row | undefined;
  }

  close(): void {
    this.sqlite.close();
  }

  private insert(sql: string, ...params: unknown[]): number {
    return Number(this.sqlite.prepare(sql).run(...params).lastInsertRowid);
  }

  private run(sql: string, ...params: unknown[]): void {
    this.sqlite.prepare(sql).run(...params);
  }
}
