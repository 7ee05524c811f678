import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '@/db/statement-cache';

describe('the statement cache drizzle queries through', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')");
    return { sqlite, cached: withStatementCache(sqlite) };
  };

  it('hands back the statement compiled before for the same SQL, in its plain mode', () => {
    const { cached } = open();
    const first = cached.prepare('select id, name from t order by id');
    first.raw(true);
    expect(first.all()).toEqual([[1, 'a'], [2, 'b']]);
    const again = cached.prepare('select id, name from t order by id');
    expect(again).toBe(first);
    expect(again.all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
  });

  it('keeps at most a thousand statements, letting go of the least recently used', () => {
    const { cached } = open();
    const oldest = cached.prepare('select 0');
    const kept = cached.prepare('select 1');
    for (let index = 2; index <= 1000; index++) {
      cached.prepare(`select ${index}`);
      if (index % 100 === 0) cached.prepare('select 1');
    }
    expect(cached.prepare('select 1')).toBe(kept);
    expect(cached.prepare('select 0')).not.toBe(oldest);
  });

  it('leaves the rest of the connection as it is: transactions, exec and state', () => {
    const { sqlite, cached } = open();
    cached.transaction(() => cached.prepare("insert into t (name) values ('c')").run())();
    cached.exec("insert into t (name) values ('d')");
    expect(cached.open).toBe(true);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 4 });
  });
});
