/** An article that keeps its issue from being published, named by its title, with what to fix. */
export type IssueBlocker = { articleId: number; title: string; reasons: string[] };
