// Every call to the server: the API key header, JSON in and out, and errors as ApiError with the server's code,
// message and request id.
import { apiKey, askForApiKey } from './api-key.js';
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

export function authHeaders() {
  const key = apiKey();
  return key ? { 'X-API-Key': key } : {};
}

async function errorOf(response) {
  const requestId = response.headers.get('X-Request-Id');
  try {
    const body = await response.json();
    if (body?.error?.message) return new ApiError(response.status, body.error.code, body.error.message, requestId);
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, 'http_' + response.status, t('error.http', { status: response.status }), requestId);
}

/** Sends a request; a 401 asks for the key and retries. Returns the parsed JSON, or the Response when raw. */
export async function request(path, { method = 'GET', json, form, raw = false, signal } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json', ...authHeaders() };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body, signal, cache: 'no-store' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', t('error.network'));
    }
    if (response.status === 401 && attempt < 3) {
      if (await askForApiKey(attempt > 0 || Object.keys(headers).includes('X-API-Key'))) continue;
      throw new ApiError(401, 'unauthorized', t('apiKey.missing'));
    }
    if (!response.ok) throw await errorOf(response);
    if (raw) return response;
    return response.status === 204 ? null : response.json();
  }
}

export const get = (path, options) => request(path, options);
export const post = (path, json, options = {}) => request(path, { ...options, method: 'POST', json });

/** "?a=1&b=x" from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Every path the UI calls, in one place. */
export const paths = {
  sync: '/api/referrals/sync',
  syncStatus: '/api/v1/partner-center/sync/status',
  syncEvents: '/api/v1/partner-center/sync/events',
  syncRuns: '/api/v1/partner-center/sync/runs',
  syncFailures: '/api/v1/partner-center/sync/failures',
  inbox: '/api/v1/partner-center/referrals',
  referralStats: '/api/v1/partner-center/referrals/stats',
  referral: (id) => `/api/v1/partner-center/referrals/${encodeURIComponent(id)}`,
  link: (id) => `/api/v1/partner-center/referrals/${encodeURIComponent(id)}/link`,
  unlink: (id) => `/api/v1/partner-center/referrals/${encodeURIComponent(id)}/unlink`,
  createLead: (id) => `/api/v1/partner-center/referrals/${encodeURIComponent(id)}/create-lead`,
  pushToDynamics: (id) => `/api/v1/partner-center/referrals/${encodeURIComponent(id)}/push-to-dynamics`,
  retryEvent: (id) => `/api/v1/events/${encodeURIComponent(id)}/retry`,
  leads: '/api/v1/leads',
  leadsExport: '/api/v1/leads/export.csv',
  leadsImport: '/api/v1/leads/import',
};
