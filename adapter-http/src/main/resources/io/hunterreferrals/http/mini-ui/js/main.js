// Boots the UI: texts in the chosen language, the sync header, the tabs and the address bar.
import { $ } from './dom.js';
import { applyStaticTexts, language, onLanguageChange, setLanguage } from './i18n.js';
import { initSyncStatus, onSyncFinished, renderSyncStatus } from './sync-status.js';
import { TABS, currentTab, navigate, onRoute, params } from './router.js';
import { reloadLeads, showLeads } from './leads.js';
import { reloadInbox, showInbox } from './inbox.js';
import { reloadRuns, showRuns } from './runs.js';
import { openReferralDetail } from './referral-detail.js';

const SHOW = { leads: showLeads, inbox: showInbox, runs: showRuns };
const RELOAD = { leads: reloadLeads, inbox: reloadInbox, runs: reloadRuns };
let shownReferral = null;

function selectTab(tab) {
  for (const name of TABS) {
    const button = document.querySelector(`[role="tab"][data-tab="${name}"]`);
    const selected = name === tab;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`#${button.getAttribute('aria-controls')}`).hidden = !selected;
  }
}

function route() {
  const tab = currentTab();
  selectTab(tab);
  SHOW[tab]();
  const referral = params().get('referral');
  if (referral && referral !== shownReferral && !document.querySelector('#referral-detail-modal')) {
    openReferralDetail(referral);
  }
  shownReferral = referral;
}

function initTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((button, index) => {
    button.addEventListener('click', () => {
      if (button.dataset.tab !== currentTab()) navigate(button.dataset.tab);
    });
    // Arrow keys move between tabs (WAI-ARIA tabs pattern); Home and End jump to the ends.
    button.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
      next.focus();
      next.click();
    });
  });
}

function initLanguage() {
  const select = $('#lang-select');
  select.value = language();
  select.addEventListener('change', () => setLanguage(select.value));
  onLanguageChange(() => {
    select.value = language();
    renderSyncStatus();
    SHOW[currentTab()]();
  });
}

applyStaticTexts();
initLanguage();
initTabs();
onRoute(route);
onSyncFinished(() => RELOAD[currentTab()]());
initSyncStatus();
route();
