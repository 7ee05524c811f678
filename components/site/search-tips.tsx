import styles from './search-page.module.css';

/** What an empty search shows: how to search, and where else to look. */
export function SearchTips() {
  return (
    <section className={styles.tips} aria-labelledby="search-tips-title">
      <h2 id="search-tips-title">How to search</h2>
      <ul>
        <li>Type a few words: results contain all of them, best matches first.</li>
        <li>
          Put words in double quotes to find them together, as in <code>&quot;arms control&quot;</code>.
        </li>
        <li>
          The last word may be unfinished: <code>verif</code> finds verification.
        </li>
        <li>Accents and capitals do not matter: Kazakhstan finds Kazakhstán.</li>
        <li>Names of countries, treaties, people and organizations find the articles about them, by any of their names.</li>
      </ul>
      <p>
        Or browse the <a href="/issues">issues</a>.
      </p>
    </section>
  );
}
