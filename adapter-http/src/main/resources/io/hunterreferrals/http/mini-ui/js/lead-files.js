// CSV export of the current lead filter, and import of companies from a CSV with the import report shown.
import { h } from './dom.js';
import { paths, query, request } from './api.js';
import { t } from './i18n.js';
import { number } from './format.js';
import { formDialog, openDialog } from './dialogs.js';
import { errorText, failure, success } from './toast.js';

/** Downloads through fetch (so the API key header goes along), then hands the file to the browser. */
export async function exportCsv(filter) {
  try {
    const response = await request(paths.leadsExport + query(filter), { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: 'leads.csv', class: 'visually-hidden' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    failure(errorText(error));
  }
}

function report(result) {
  const rejected = result.rejected || [];
  return h('div', { id: 'import-report' },
    h('dl', { class: 'facts' },
      h('dt', {}, t('import.created')), h('dd', { id: 'import-created' }, number(result.created)),
      h('dt', {}, t('import.alreadyPresent')), h('dd', {}, number(result.already_present)),
      h('dt', {}, t('import.rejected')), h('dd', {}, number(result.rejected_count))),
    rejected.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table data-table--compact' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.line')), h('th', { scope: 'col' },
        t('import.reason')))),
      h('tbody', {}, rejected.map((r) => h('tr', {}, h('td', {}, number(r.line)), h('td', {}, r.reason))))))
      : null);
}

export function openImport(onImported) {
  const file = h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,text/csv', required: true });
  formDialog({
    id: 'import-dialog',
    title: t('import.title'),
    fields: [h('p', { class: 'form-hint' }, t('import.hint')), h('label', { for: 'import-file' }, t('import.file')), file],
    submitLabel: t('import.submit'),
    onSubmit: async (data) => {
      if (!file.files.length) throw new Error(t('import.noFile'));
      const form = new FormData();
      form.append('file', data.get('file'));
      const result = await request(paths.leadsImport, { method: 'POST', form });
      return result;
    },
  }).then((result) => {
    if (!result) return;
    success(t('import.done', { n: number(result.created) }));
    openDialog({ title: t('import.reportTitle'), body: report(result), id: 'import-report-dialog' });
    onImported();
  }).catch((error) => failure(errorText(error)));
}
