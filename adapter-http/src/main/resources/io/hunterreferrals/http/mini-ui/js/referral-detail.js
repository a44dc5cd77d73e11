// One referral in full, in a dialog with its own address (?referral=<id>): customer, contacts, deal, the partner
// team, notes, classification, the last link change, its notifications, the raw payload, copy buttons and the way to
// Partner Center.
import { h } from './dom.js';
import { get, paths } from './api.js';
import { t } from './i18n.js';
import { dateTime, money } from './format.js';
import { linkChip, statusChip, typeBadge, typeName } from './badges.js';
import { openDialog } from './dialogs.js';
import { copyButton } from './copy.js';
import { setOpenReferral } from './router.js';
import { errorText, failure } from './toast.js';
import * as payload from './referral-payload.js';
import { dynamicsPush } from './dynamics-push.js';
import { notificationsSection } from './referral-notifications.js';

function facts(rows) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (!shown.length) return h('p', { class: 'muted' }, t('detail.nothing'));
  return h('dl', { class: 'facts' }, shown.flatMap(([label, value]) => [h('dt', {}, label),
    h('dd', {}, value instanceof Node ? value : String(value))]));
}

function section(title, ...content) {
  return h('section', { class: 'detail-section' }, h('h3', {}, title), content);
}

function people(list, emptyText) {
  if (!list.length) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'people' }, list.map((p) => h('li', {},
    h('span', { class: 'cell-strong' }, p.name || '-'),
    p.title ? h('span', { class: 'muted' }, ` · ${p.title}`) : null,
    p.email ? h('span', { class: 'cell-mono' }, p.email) : null,
    p.phone ? h('span', {}, p.phone) : null)));
}

function actionBar(r, raw, deal) {
  const dealText = r.deal_value ? String(r.deal_value) : (deal.value ? String(deal.value) : null);
  return h('div', { class: 'detail-actions' },
    copyButton({ id: 'copy-email', icon: '📧', label: t('detail.copy.email'), value: payload.firstEmail(raw) }),
    copyButton({ id: 'copy-domain', icon: '🌐', label: t('detail.copy.domain'), value: r.domain || r.raw_domain }),
    copyButton({ id: 'copy-deal', icon: '💰', label: t('detail.copy.deal'), value: dealText }),
    copyButton({ id: 'copy-referral-id', icon: '🆔', label: t('detail.copy.id'), value: r.referral_id }),
    dynamicsPush(r),
    h('a', { id: 'open-in-partner-center', class: 'btn btn--teal', href: r.partner_center_url,
      target: '_blank', rel: 'noopener noreferrer' }, h('span', { 'aria-hidden': 'true' }, '↗'), ' ',
    t('detail.openInPc'), h('span', { class: 'visually-hidden' }, ` (${t('a11y.newTab')})`)));
}

function linkHistory(r) {
  const by = r.link_changed_by
    ? (r.link_changed_by === 'operator' ? t('detail.link.byOperator')
      : r.link_changed_by.startsWith('sync') ? t('detail.link.bySync', { run: r.link_changed_by.replace(/^sync:?/, '') || '-' })
        : r.link_changed_by)
    : null;
  return facts([
    [t('detail.link.status'), linkChip(r.link_status)],
    [t('detail.link.lead'), r.linked_lead_domain ? `${r.linked_lead_name || ''} (${r.linked_lead_domain})` : null],
    [t('detail.link.changedAt'), r.linked_at ? dateTime(r.linked_at) : null],
    [t('detail.link.changedBy'), by],
  ]);
}

function content(r, refresh) {
  const raw = r.raw || {};
  const deal = payload.deal(raw);
  const invite = payload.invitation(raw);
  const team = payload.partnerTeam(raw);
  return h('div', { class: 'detail', id: 'referral-detail', 'data-referral-id': r.referral_id },
    h('div', { class: 'detail-head' },
      h('p', { class: 'cell-mono muted' }, r.referral_id),
      h('div', { class: 'chips' }, typeBadge(r.referral_type), statusChip(r.status, r.substatus))),
    actionBar(r, raw, deal),
    h('div', { class: 'detail-grid' },
      section(t('detail.customer'), facts([
        [t('detail.company'), r.company_name], [t('detail.country'), r.customer_country],
        [t('detail.size'), r.customer_size], [t('detail.address'), payload.address(raw)],
        [t('detail.domain'), r.domain || t('inbox.noDomain')],
        [t('detail.rawDomain'), r.raw_domain && r.raw_domain !== r.domain ? r.raw_domain : null],
        [t('detail.direction'), r.direction], [t('detail.syncedAt'), dateTime(r.synced_at)]])),
      section(t('detail.contacts'), people(payload.customerContacts(raw), t('detail.noContacts'))),
      section(t('detail.deal'), facts([
        [t('detail.dealName'), r.name], [t('detail.dealValue'), money(r.deal_value ?? deal.value, r.currency || deal.currency)],
        [t('detail.closing'), deal.closingAt ? dateTime(deal.closingAt) : null],
        [t('detail.products'), deal.products.join(', ')], [t('detail.industries'), deal.industries.join(', ')],
        [t('detail.createdAt'), dateTime(r.created_at)], [t('detail.updatedAt'), dateTime(r.updated_at)],
        [t('detail.expiresAt'), r.expires_at ? dateTime(r.expires_at) : null]])),
      section(t('detail.team'), people(team, t('detail.noTeam'))),
      section(t('detail.notes'), facts([[t('detail.dealNotes'), deal.notes],
        [t('detail.inviteNotes'), invite?.notes], [t('detail.invitedBy'), invite?.by]])),
      section(t('detail.classification'), facts([
        [t('detail.type'), typeName(r.referral_type)], [t('detail.rule'), r.classification_rule],
        [t('detail.subCategory'), r.classification_sub_category], [t('detail.pcType'), r.type],
        [t('detail.qualification'), r.qualification], [t('detail.source'), r.referral_source]])),
      section(t('detail.linkHistory'), linkHistory(r))),
    notificationsSection(r, refresh),
    h('details', { class: 'raw-json' }, h('summary', {}, t('detail.raw')),
      h('pre', { id: 'referral-raw-json', tabindex: '0' }, JSON.stringify(raw, null, 2))));
}

/** Opens the detail of referral {@code id} in a dialog and puts it in the address. */
export async function openReferralDetail(id) {
  setOpenReferral(id);
  const body = h('div', { class: 'state state--loading', role: 'status' }, t('state.loading'));
  const { dialog, close } = openDialog({ title: t('detail.title'), body, wide: true, id: 'referral-detail-modal',
    onClose: () => setOpenReferral(null) });
  let shown = body;
  const load = async () => {
    const referral = await get(`${paths.referral(id)}?include_raw=true`);
    dialog.querySelector('.dialog__title').textContent = referral.name || referral.company_name || t('detail.unnamed');
    const next = content(referral, refresh);
    shown.replaceWith(next);
    shown = next;
  };
  // after an action inside the detail (a notification sent again): the same dialog, drawn from a fresh read
  async function refresh() {
    try {
      await load();
    } catch (error) {
      failure(errorText(error));
    }
  }
  try {
    await load();
  } catch (error) {
    close();
    failure(errorText(error));
  }
}
