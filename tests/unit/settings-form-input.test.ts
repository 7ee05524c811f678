import { describe, expect, it } from 'vitest';
import { settingsFormInput } from '@/lib/platform/settings/settings-form-input';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('the settings form’s input', () => {
  it('takes the ticked kinds when the form showed the checkbox group', () => {
    expect(settingsFormInput(form([['timeZone', 'UTC'], ['linkedEntityKinds', ''], ['linkedEntityKinds', 'person'], ['linkedEntityKinds', 'topic']]))).toEqual({
      timeZone: 'UTC',
      linkedEntityKinds: ['person', 'topic'],
    });
  });

  it('reads a shown group with nothing ticked as linking no kind', () => {
    expect(settingsFormInput(form([['timeZone', 'UTC'], ['linkedEntityKinds', '']]))).toEqual({ timeZone: 'UTC', linkedEntityKinds: [] });
  });

  it('leaves the kinds alone when a submission never had the group, so nothing saved is wiped', () => {
    expect(settingsFormInput(form([['timeZone', 'Europe/Vienna']]))).toEqual({ timeZone: 'Europe/Vienna' });
  });

  it('takes the site name when the form has one, and leaves it alone otherwise', () => {
    expect(settingsFormInput(form([['siteName', 'Arms Control Monthly'], ['timeZone', 'UTC']]))).toEqual({ siteName: 'Arms Control Monthly', timeZone: 'UTC' });
    expect(settingsFormInput(form([['timeZone', 'UTC']]))).not.toHaveProperty('siteName');
  });
});
