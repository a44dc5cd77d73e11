// The small coloured labels: referral type, count, link status and Partner Center status. One place decides
// their colours (app.css) and words (the catalogues).
import { h } from './dom.js';
import { t } from './i18n.js';

export const REFERRAL_TYPES = ['co-sell', 'marketplace', 'solution-provider'];

export function typeName(type) {
  return type ? t(`type.${type}`) : t('type.unclassified');
}

/** A referral no rule could type gets a grey "?" badge; "-" is kept for a lead without any referral. */
export function typeBadge(type) {
  if (!type) {
    return h('span', { class: 'referral-badge referral-badge--unclassified', title: t('badge.tooltip',
      { type: typeName(null) }) }, '?');
  }
  return h('span', {
    class: `referral-badge referral-badge--${type}`,
    title: t('badge.tooltip', { type: typeName(type) }),
  }, t(`type.${type}.short`));
}

/** "(3)" with the types in its tooltip, when a lead has more than one referral. */
export function countBadge(count, types) {
  if (!count || count < 2) return null;
  return h('span', {
    class: 'count-badge',
    title: t('badge.count.tooltip', { n: count, types: (types || []).map(typeName).join(', ') || '-' }),
  }, `(${count})`);
}

const LINK_ICONS = {
  none: '', unlinked: '🔓', auto_linked: '🔗', manual_linked: '🔗', manual_unlinked: '⛔', mixed: '🔀',
};

export function linkChip(status) {
  if (!status || status === 'none') {
    return h('span', { class: 'chip chip--link-none', title: t('link.none.tooltip') }, '-');
  }
  return h('span', { class: `chip chip--link-${status}`, title: t(`link.${status}.tooltip`) },
    h('span', { 'aria-hidden': 'true' }, LINK_ICONS[status] || ''), ' ', t(`link.${status}`));
}

export function statusChip(status, substatus) {
  const known = ['New', 'Active', 'Closed'].includes(status);
  const chip = h('span', { class: `chip chip--status-${known ? status.toLowerCase() : 'other'}` },
    known ? t(`status.${status}`) : (status || '-'));
  if (!substatus) return chip;
  return h('span', { class: 'status-cell' }, chip, h('span', { class: 'substatus' }, substatus));
}
