/**
 * The text of the label that names a control: its aria-label, a label pointing at it, or the words a
 * wrapping label holds before it (not the hints, errors or popups that follow inside the same label).
 */
export function accessibleNameOf(control: HTMLElement): string {
  const ariaLabel = control.getAttribute('aria-label');
  if (ariaLabel) return ariaLabel;
  const label = (control as HTMLInputElement).labels?.[0];
  if (!label) return '';
  if (!label.contains(control)) return label.textContent?.trim() ?? '';
  let text = '';
  for (const node of Array.from(label.childNodes)) {
    if (node.contains(control)) break;
    text += node.textContent ?? '';
  }
  return text.trim();
}
