// Reads the people, deal and notes out of a referral's raw Partner Center payload. Partner Center varies its shape
// (a team that is an object instead of an array, empty strings for missing values), so every read is defensive.

const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function asList(value) {
  if (Array.isArray(value)) return value.filter((item) => item && typeof item === 'object');
  return value && typeof value === 'object' ? [value] : [];
}

export function person(member) {
  const name = text(member.name) || [text(member.firstName), text(member.lastName)].filter(Boolean).join(' ') || null;
  return {
    name,
    email: text(member.email),
    phone: text(member.phoneNumber) || text(member.phone),
    title: text(member.jobTitle) || text(member.title),
  };
}

/** The customer's contacts: customerProfile.team (an array or a single object). */
export function customerContacts(raw) {
  return asList(raw?.customerProfile?.team).map(person).filter((p) => p.name || p.email || p.phone);
}

/** The partner's own team on the referral. */
export function partnerTeam(raw) {
  return asList(raw?.team).map(person).filter((p) => p.name || p.email);
}

export function deal(raw) {
  const details = raw?.details || {};
  const value = details.dealValue;
  return {
    value: value === null || value === undefined || value === '' ? null : Number(value),
    currency: text(details.currency),
    closingAt: text(details.closingDateTime),
    notes: text(details.notes),
    products: asList(details.requirements?.products).map((p) => text(p.id)).filter(Boolean),
    industries: asList(details.requirements?.industries).map((p) => text(p.id)).filter(Boolean),
  };
}

export function invitation(raw) {
  const context = raw?.inviteContext;
  if (!context) return null;
  return { notes: text(context.notes), by: text(context.invitedBy?.organizationName) };
}

export function address(raw) {
  const a = raw?.customerProfile?.address;
  if (!a) return null;
  return [text(a.addressLine1), text(a.addressLine2), [text(a.postalCode), text(a.city)].filter(Boolean).join(' '),
    text(a.state), text(a.country)].filter(Boolean).join(', ') || null;
}

/** The e-mail a seller would write to first: the customer's, else the partner team's. */
export function firstEmail(raw) {
  return customerContacts(raw).find((p) => p.email)?.email || partnerTeam(raw).find((p) => p.email)?.email || null;
}
