// The Broadsheet API as the demo uses it: public reads, the newsletter sign-up and the subscriber's own pages.
// Every call revalidates (cache: 'no-cache'), so each page view asks the API, which answers 304 from its cache.
import { API_BASE } from '../config.js';

const STORED_BASE = 'broadsheet-demo-api';
const asked = new URLSearchParams(location.search).get('api');
if (asked) {
  localStorage.setItem(STORED_BASE, asked);
}
export const apiBase = (asked || localStorage.getItem(STORED_BASE) || API_BASE).replace(/\/+$/, '');

/** An error answer of the API: its RFC 9457 problem details, and Retry-After when rate limited. */
export class ApiProblem extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || `The API answered ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

async function call(method, path, { query, body, accept = 'application/json' } = {}) {
  const url = new URL(apiBase + path, location.href);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Accept: accept };
  const init = { method, headers, cache: 'no-cache' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const type = response.headers.get('Content-Type') ?? '';
  const data = response.status !== 204 && type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, data, response.headers.get('Retry-After'));
  }
  return data;
}

const slug = (value) => encodeURIComponent(value);

export const api = {
  sections: () => call('GET', '/api/v1/sections'),
  section: (name) => call('GET', `/api/v1/sections/${slug(name)}`),
  articles: (query) => call('GET', '/api/v1/articles', { query }),
  // preview: a preview link's token, which shows a draft to whoever holds it (the answer is private, never cached)
  article: (name, preview) => call('GET', `/api/v1/articles/${slug(name)}`, { query: { preview } }),
  collection: (name) => call('GET', `/api/v1/collections/${slug(name)}`),
  // schema.org NewsArticle for the page's <script type="application/ld+json">; the API escapes < > & in it
  structuredData: (name) => call('GET', `/api/v1/articles/${slug(name)}`, { accept: 'application/ld+json' }),
  signUp: (form) => call('POST', '/api/v1/subscriptions', { body: form }),
  confirm: (token) => call('POST', '/api/v1/subscriptions/confirm', { body: { token } }),
  preferences: (token) => call('GET', '/api/v1/subscriptions/preferences', { query: { token } }),
  changePreferences: (token, choices) => call('PUT', '/api/v1/subscriptions/preferences', { query: { token }, body: choices }),
  unsubscribe: (token) => call('POST', '/api/v1/subscriptions/unsubscribe', { query: { token } }),
};
