// Copy buttons: the value goes to the clipboard and the button says so for two seconds.
import { h } from './dom.js';
import { t } from './i18n.js';
import { failure } from './toast.js';

async function write(value) {
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    // Without clipboard permission (some embedded browsers), fall back to a selected, off-screen textarea.
    const area = h('textarea', { class: 'visually-hidden', readonly: true });
    area.value = value;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error(t('copy.failed'));
  }
}

export function copyButton({ icon, label, value, id }) {
  const text = h('span', {}, label);
  const button = h('button', { type: 'button', id, class: 'btn btn--copy', disabled: !value,
    title: value ? t('copy.tooltip', { value }) : t('copy.nothing'), 'data-copy': value || '' },
  h('span', { 'aria-hidden': 'true' }, icon), ' ', text);
  button.addEventListener('click', async () => {
    try {
      await write(value);
      button.classList.add('btn--copied');
      text.textContent = t('copy.done');
      setTimeout(() => {
        button.classList.remove('btn--copied');
        text.textContent = label;
      }, 2000);
    } catch (error) {
      failure(error.message);
    }
  });
  return button;
}
