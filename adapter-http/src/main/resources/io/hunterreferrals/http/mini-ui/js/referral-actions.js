// A referral's row actions, each through a real dialog: link to a company (search-as-you-type over the leads, or a
// typed domain; works for referrals without a domain), create a lead from it, unlink. The row updates at once.
import { h } from './dom.js';
import { get, paths, post } from './api.js';
import { t } from './i18n.js';
import { formDialog } from './dialogs.js';
import { errorText, failure, success } from './toast.js';
import { leadPicker } from './lead-picker.js';
import { openReferralDetail } from './referral-detail.js';

const LINKED = ['auto_linked', 'manual_linked'];

async function refreshed(referral, onUpdated) {
  try {
    onUpdated(await get(paths.referral(referral.referral_id)));
  } catch (error) {
    failure(errorText(error));
  }
}

export function openLinkDialog(referral, onUpdated) {
  const picker = leadPicker({ id: 'link-lead-domain', initial: referral.domain || '' });
  return formDialog({
    id: 'link-dialog',
    title: t('link.dialog.title', { name: referral.company_name || referral.name || referral.referral_id }),
    fields: [
      h('p', { class: 'form-hint' }, referral.domain ? t('link.dialog.hint') : t('link.dialog.hintNoDomain')),
      picker.field,
    ],
    submitLabel: t('link.dialog.submit'),
    onSubmit: async () => {
      const domain = picker.value();
      if (!domain) throw new Error(t('link.dialog.required'));
      return post(paths.link(referral.referral_id), { lead_domain: domain });
    },
  }).then(async (result) => {
    if (!result) return;
    success(t('link.done', { domain: result.domain }));
    await refreshed(referral, onUpdated);
  });
}

export function openCreateLeadDialog(referral, onUpdated) {
  const name = h('input', { id: 'create-lead-name', name: 'company_name_override', maxlength: 255,
    placeholder: referral.company_name || '', autocomplete: 'off' });
  const notes = h('textarea', { id: 'create-lead-notes', name: 'notes', maxlength: 2000, rows: 4 });
  return formDialog({
    id: 'create-lead-dialog',
    title: t('createLead.title'),
    fields: [
      h('p', { class: 'form-hint' }, t('createLead.hint', { domain: referral.domain })),
      h('label', { for: 'create-lead-name' }, t('createLead.name')), name,
      h('label', { for: 'create-lead-notes' }, t('createLead.notes')), notes,
    ],
    submitLabel: t('createLead.submit'),
    submitClass: 'btn--success',
    onSubmit: (data) => post(paths.createLead(referral.referral_id), {
      company_name_override: String(data.get('company_name_override') || '').trim() || null,
      notes: String(data.get('notes') || '').trim() || null,
    }),
  }).then(async (result) => {
    if (!result) return;
    success(t(result.lead_created ? 'createLead.done' : 'link.done', { domain: result.domain }));
    await refreshed(referral, onUpdated);
  });
}

export function openUnlinkDialog(referral, onUpdated) {
  return formDialog({
    id: 'unlink-dialog',
    title: t('unlink.title'),
    fields: [h('p', {}, t('unlink.confirm', { name: referral.company_name || referral.referral_id,
      domain: referral.linked_lead_domain || '-' }))],
    submitLabel: t('unlink.submit'),
    submitClass: 'btn--danger',
    onSubmit: () => post(paths.unlink(referral.referral_id), {}),
  }).then(async (result) => {
    if (!result) return;
    success(t('unlink.done'));
    await refreshed(referral, onUpdated);
  });
}

export function rowActions(referral, onUpdated) {
  const label = referral.company_name || referral.name || referral.referral_id;
  const button = (cls, icon, text, aria, onclick) => h('button', { type: 'button', class: `btn btn--small ${cls}`,
    'aria-label': `${text}: ${aria}`, onclick }, h('span', { 'aria-hidden': 'true' }, icon), ' ', text);
  const actions = [button('btn--detail js-detail', '🔍', t('action.detail'), label,
    () => openReferralDetail(referral.referral_id))];
  if (LINKED.includes(referral.link_status)) {
    actions.push(button('btn--ghost js-unlink', '✂️', t('action.unlink'), label,
      () => openUnlinkDialog(referral, onUpdated)));
  } else {
    actions.push(button('btn--link js-link', '🔗', t('action.link'), label,
      () => openLinkDialog(referral, onUpdated)));
    if (referral.domain) {
      actions.push(button('btn--success js-create-lead', '➕', t('action.createLead'), label,
        () => openCreateLeadDialog(referral, onUpdated)));
    }
  }
  return h('div', { class: 'row-actions' }, actions);
}
