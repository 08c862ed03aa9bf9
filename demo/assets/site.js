// What every page of the demo shares: the masthead with the sections, the search box, article cards, the
// "Latest posts" and "Don't miss" rails, the "Stay in touch" box, and how a page says it is ready (data-state).
import { api, ApiProblem } from './api.js';

export const NEWSLETTERS = [
  ['daily', 'The daily briefing'],
  ['breaking', 'Breaking news'],
  ['weekly', 'The week in review'],
];

/** Builds an element: el('a', { href, class: 'x' }, 'text', child). Text is always text, never HTML. */
export function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export const param = (name) => new URLSearchParams(location.search).get(name);
export const articleUrl = (slug) => `article.html?slug=${encodeURIComponent(slug)}`;
export const sectionUrl = (slug) => `section.html?slug=${encodeURIComponent(slug)}`;

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
export const formatDate = (time) => (time ? `${dateFormat.format(new Date(time))} UTC` : '');

/** The masthead and footer; resolves with the sections, which other parts reuse. */
export async function renderFrame() {
  const sections = (await api.sections()).items;
  const nav = el('nav', { 'aria-label': 'Sections' },
    el('ul', {}, sections.filter((s) => !s.parent).map((s) => el('li', {}, el('a', { href: sectionUrl(s.slug) }, s.name)))));
  const search = el('form', { class: 'search', action: 'search.html', role: 'search' },
    el('input', { type: 'search', name: 'q', placeholder: 'Search the archive', 'aria-label': 'Search', value: param('q') ?? '' }),
    el('button', { type: 'submit' }, 'Search'));
  document.getElementById('masthead').replaceChildren(
    el('div', { class: 'brand' }, el('a', { href: 'index.html' }, 'Broadsheet'), search), nav);
  document.getElementById('footer').replaceChildren(
    el('p', {}, 'A reference frontend of the Broadsheet API: static pages that read everything from the public API.'));
  return sections;
}

/**
 * The srcset of a media library picture: its WebP renditions named by prefix ('w' for the whole picture at each width,
 * '16x9-', '4x3-' or '1x1-' for a crop around its focal point); empty for a picture elsewhere (no renditions).
 */
export function srcset(picture, prefix) {
  return (picture.renditions ?? [])
    .filter((r) => r.mimeType === 'image/webp' && r.name.startsWith(prefix))
    .map((r) => `${r.url} ${r.width}w`)
    .join(', ');
}

/** An <img> of a picture: its renditions in srcset when it is the library's, its url otherwise. */
export function picture(image, { prefix, sizes, width, height }) {
  const attributes = { src: image.url, alt: image.alt ?? '', width, height, loading: 'lazy' };
  const set = srcset(image, prefix);
  if (set) {
    attributes.srcset = set;
    attributes.sizes = sizes;
  }
  return el('img', attributes);
}

export function card(item, { image = false, compact = false } = {}) {
  return el('article', { class: compact ? 'card card-compact' : image ? 'card card-lead' : 'card' },
    image && item.heroImage ? picture(item.heroImage, { prefix: '16x9-', sizes: '(max-width: 60rem) 100vw, 60rem', width: 1200, height: 675 }) : null,
    el('p', { class: 'kicker' }, el('a', { href: sectionUrl(item.section.slug) }, item.section.name)),
    el('h3', {}, el('a', { href: articleUrl(item.slug) }, item.title)),
    item.summary && !compact ? el('p', { class: 'summary' }, item.summary) : null,
    el('p', { class: 'meta' }, el('time', { datetime: item.publishedAt }, formatDate(item.publishedAt))));
}

/** "Latest posts": the newest articles, but the one on the page. */
export async function renderLatest(container, exceptSlug) {
  const page = await api.articles({ limit: 6 });
  const items = page.items.filter((item) => item.slug !== exceptSlug).slice(0, 5);
  container.replaceChildren(el('h2', {}, 'Latest posts'),
    el('ol', { class: 'rail-list' }, items.map((item) => el('li', {}, el('a', { href: articleUrl(item.slug) }, item.title),
      el('span', { class: 'meta' }, formatDate(item.publishedAt))))));
}

/** "Don't miss": the editors' curated collection, in their order; the featured articles where there is none. */
export async function renderDontMiss(container, exceptSlug) {
  const picks = await api.collection('dont-miss')
    .then((collection) => collection.articles)
    .catch(async (error) => {
      if (error instanceof ApiProblem && error.status === 404) {
        return (await api.articles({ featured: true, limit: 5 })).items;
      }
      throw error;
    });
  const items = picks.filter((item) => item.slug !== exceptSlug).slice(0, 4);
  container.replaceChildren(el('h2', {}, "Don't miss"), el('div', { class: 'picks' }, items.map((item) => card(item, { image: true, compact: true }))));
}

/** Explains an API error on the page, with the fields to fix. */
export function problemMessage(error) {
  if (!(error instanceof ApiProblem)) {
    return 'The news service could not be reached. Try again in a moment.';
  }
  if (error.status === 429) {
    return `Too many sign-ups from your connection. Try again in ${error.retryAfter ?? 'a few'} seconds.`;
  }
  const fields = error.problem?.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
  return fields ? `Please check: ${fields}.` : error.message;
}

/** The "Stay in touch" box: signs up with consent; the confirmation mail links to confirm.html. */
export function renderNewsletterBox(container, sections) {
  const status = el('p', { class: 'status', role: 'status' });
  const form = el('form', { class: 'newsletter', novalidate: true },
    el('h2', {}, 'Stay in touch'),
    el('p', {}, 'The day\'s stories in your inbox.'),
    el('label', {}, 'Email', el('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' })),
    el('label', {}, 'Name (optional)', el('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: 200 })),
    el('fieldset', {}, el('legend', {}, 'Newsletters'),
      NEWSLETTERS.map(([value, label], index) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'newsletters', value, checked: index === 0 }), label))),
    el('label', { class: 'check consent' }, el('input', { type: 'checkbox', name: 'consent', required: true }),
      'I agree to receive these newsletters and can unsubscribe at any time.'),
    el('button', { type: 'submit' }, 'Sign up'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    status.textContent = 'Signing you up…';
    try {
      await api.signUp({
        email: data.get('email'),
        name: data.get('name') || null,
        newsletters: data.getAll('newsletters'),
        sections: [],
        consent: data.get('consent') === 'on',
      });
      form.reset();
      status.textContent = 'Thank you! Check your inbox: we sent you a link to confirm.';
      status.dataset.outcome = 'sent';
    } catch (error) {
      status.textContent = problemMessage(error);
      status.dataset.outcome = 'refused';
    }
  });
  container.replaceChildren(form);
  return sections;
}

/** Runs a page: marks it ready when it has rendered, or shows what went wrong. */
export async function page(render) {
  try {
    await render();
    document.body.dataset.state = 'ready';
  } catch (error) {
    const main = document.getElementById('main');
    main.replaceChildren(el('div', { class: 'notice' },
      el('h1', {}, error instanceof ApiProblem && error.status === 404 ? 'Not found' : 'Something went wrong'),
      el('p', {}, problemMessage(error))));
    document.body.dataset.state = 'error';
  }
}
