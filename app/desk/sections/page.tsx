import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { IssuesTabs } from '@/components/desk/issues/issues-tabs';
import { SectionForm } from '@/components/desk/issues/section-form';
import { SectionOrderButtons } from '@/components/desk/issues/section-order-buttons';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { listSections } from '@/lib/issues/sections/list-sections';
import { createSectionAction, moveSectionAction, updateSectionAction } from './actions';
import styles from './sections.module.css';

export const metadata: Metadata = { title: 'Sections', robots: { index: false } };

/** Sections of the magazine: names, descriptions and the order every table of contents follows. */
export default async function SectionsPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/sections' });
  if (!can({ role: staff.role, action: 'section.manage' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Sections</h1>
        <p>Editors add, rename and reorder sections. Ask one if a section is missing.</p>
      </DeskShell>
    );
  }
  const sections = listSections();
  return (
    <DeskShell staff={staff} isWide>
      <h1>Sections</h1>
      <IssuesTabs current="sections" canManageSections />
      <p className="hint">Tables of contents list sections in this order. An article’s section is chosen in the editor.</p>
      <ol className={`stack ${styles.list}`}>
        {sections.map((section, index) => (
          <li key={section.id} className={styles.section}>
            <h2 className={styles.heading}>
              <span>
                {index + 1}. {section.name}
              </span>
              <span className="meta">
                {section.articleCount} {section.articleCount === 1 ? 'article' : 'articles'}
              </span>
              <SectionOrderButtons moveAction={moveSectionAction} id={section.id} name={section.name} isFirst={index === 0} isLast={index === sections.length - 1} />
            </h2>
            <details>
              <summary>Rename or describe {section.name}</summary>
              <SectionForm action={updateSectionAction} sectionId={section.id} initial={{ name: section.name, slug: section.slug, description: section.description }} submitLabel="Save section" />
            </details>
          </li>
        ))}
      </ol>
      <h2>Add a section</h2>
      <SectionForm action={createSectionAction} initial={{ name: '', slug: '', description: '' }} submitLabel="Add section" />
    </DeskShell>
  );
}
