import styles from './listing-page.module.css';

/** The top of a section or author page: what kind of listing it is, its name, and its description when it has one. */
export function ListingHeader({ kicker, name, description, isBio = false }: { kicker: string; name: string; description: string; /** A contributor's bio keeps its line breaks. */ isBio?: boolean }) {
  return (
    <header className={styles.header}>
      <p className="kicker">{kicker}</p>
      <h1>{name}</h1>
      {description ? <p className={isBio ? `dek ${styles.bio}` : 'dek'}>{description}</p> : null}
    </header>
  );
}
