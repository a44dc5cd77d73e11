// The address bar holds the screen: ?tab=leads|inbox|runs, the tab's filters, and referral=<id> for an open
// detail, so a view can be shared, bookmarked and survives a reload.
export const TABS = ['leads', 'inbox', 'runs'];
const listeners = new Set();

export function params() {
  return new URLSearchParams(location.search);
}

export function currentTab() {
  const tab = params().get('tab');
  return TABS.includes(tab) ? tab : 'leads';
}

function url(values) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return `${location.pathname}${text ? `?${text}` : ''}`;
}

/** Writes the tab's state into the address without a new history entry (filters, paging). */
export function replaceState(tab, values) {
  const extra = params().get('referral');
  history.replaceState(null, '', url({ tab, ...values, referral: extra || undefined }));
}

/** Goes to a tab (a new history entry) and tells the listeners. */
export function navigate(tab, values = {}) {
  history.pushState(null, '', url({ tab, ...values }));
  listeners.forEach((listener) => listener());
}

/** Adds or removes the open referral detail in the address. */
export function setOpenReferral(id) {
  const values = Object.fromEntries(params());
  if (id) values.referral = id;
  else delete values.referral;
  history.replaceState(null, '', url(values));
}

export const onRoute = (listener) => listeners.add(listener);
window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));
