/**
 * What a submitted settings form asks to store. The checkbox group sends an empty marker value of its
 * own, so a group with nothing ticked means "link no kind", while a submission without the group at all
 * leaves the stored choice as it is.
 */
export function settingsFormInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = { timeZone: formData.get('timeZone') };
  if (formData.has('siteName')) input.siteName = formData.get('siteName');
  if (formData.has('linkedEntityKinds')) input.linkedEntityKinds = formData.getAll('linkedEntityKinds').filter((value) => value !== '');
  return input;
}
