// A combobox over the leads: type a name or domain and pick one with the mouse or the arrow keys, or keep typing
// a domain that is not in the list. ARIA 1.2 combobox pattern.
import { debounce, h, replace } from './dom.js';
import { get, paths, query } from './api.js';
import { t } from './i18n.js';

export function leadPicker({ id, initial }) {
  const listId = `${id}-options`;
  const input = h('input', { id, name: 'lead_domain', value: initial, autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-autocomplete': 'list',
    placeholder: 'contoso.com', autofocus: true });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', hidden: true,
    'aria-label': t('link.dialog.suggestions') });
  let items = [];
  let active = -1;

  const show = (open) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  };
  const highlight = (index) => {
    active = index;
    items.forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (lead) => {
    input.value = lead.domain;
    show(false);
    highlight(-1);
  };
  const search = debounce(async () => {
    const term = input.value.trim();
    if (term.length < 2) { show(false); return; }
    try {
      const page = await get(paths.leads + query({ search: term, page_size: 8 }));
      items = page.leads.map((lead, i) => {
        const li = h('li', { id: `${listId}-${i}`, role: 'option', class: 'combo-option', 'data-domain': lead.domain,
          'aria-selected': 'false' }, h('span', { class: 'cell-strong' }, lead.name), ' ',
        h('span', { class: 'cell-mono muted' }, lead.domain));
        li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(lead); });
        li.lead = lead;
        return li;
      });
      replace(list, items.length ? items : h('li', { class: 'combo-empty' }, t('link.dialog.noLeads')));
      highlight(-1);
      show(true);
    } catch {
      show(false);
    }
  }, 250);

  input.addEventListener('input', () => search());
  input.addEventListener('blur', () => show(false));
  input.addEventListener('keydown', (e) => {
    if (list.hidden || items.length === 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active].lead); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); show(false); }
  });

  const field = h('div', { class: 'combo' }, h('label', { for: id }, t('link.dialog.label')), input, list);
  return { field, value: () => input.value.trim() };
}
