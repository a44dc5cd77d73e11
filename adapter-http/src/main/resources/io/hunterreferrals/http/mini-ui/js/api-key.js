// The API key, when the server requires one: asked once in a real form, kept for this browser session only
// (sessionStorage, never a cookie or localStorage) and sent as a header.
import { h } from './dom.js';
import { formDialog } from './dialogs.js';
import { t } from './i18n.js';

const STORAGE_KEY = 'hunter:api-key';
let pending = null;

export const apiKey = () => sessionStorage.getItem(STORAGE_KEY);

/** Shows the key form (once, however many requests were refused); resolves true when a key was entered. */
export function askForApiKey(rejected) {
  if (pending) return pending;
  sessionStorage.removeItem(STORAGE_KEY);
  const input = h('input', {
    id: 'api-key-input', name: 'key', type: 'password', autocomplete: 'off', required: true, autofocus: true,
    spellcheck: 'false',
  });
  const fields = [
    h('p', { class: 'form-hint' }, t(rejected ? 'apiKey.rejected' : 'apiKey.required')),
    h('label', { for: 'api-key-input' }, t('apiKey.label')),
    input,
  ];
  pending = formDialog({
    id: 'api-key-dialog',
    title: t('apiKey.title'),
    fields,
    submitLabel: t('apiKey.submit'),
    onSubmit: (data) => {
      const key = String(data.get('key') || '').trim();
      if (!key) throw new Error(t('apiKey.empty'));
      sessionStorage.setItem(STORAGE_KEY, key);
      return true;
    },
  }).then((entered) => {
    pending = null;
    return entered === true;
  });
  return pending;
}
