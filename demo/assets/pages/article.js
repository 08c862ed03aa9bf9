import { api, apiBase } from '../api.js';
import { el, formatDate, page, param, renderDontMiss, renderFrame, renderLatest, renderNewsletterBox, sectionUrl, srcset } from '../site.js';

page(async () => {
  const sections = await renderFrame();
  const preview = param('preview');
  const article = await api.article(param('slug'), preview);
  document.title = `${preview ? 'Preview: ' : ''}${article.title} · Broadsheet`;
  const story = document.getElementById('story');
  story.querySelector('.kicker').replaceChildren(el('a', { href: sectionUrl(article.section.slug) }, article.section.name));
  story.querySelector('.headline').textContent = article.title;
  story.querySelector('.standfirst').textContent = article.subtitle ?? article.summary ?? '';
  story.querySelector('.authors').textContent = article.authors.length ? `By ${article.authors.map(author => author.name).join(' and ')}` : '';
  story.querySelector('.dateline').textContent = article.dateline ? `${article.dateline} —` : '';
  const time = story.querySelector('time');
  time.dateTime = article.publishedAt;
  time.textContent = formatDate(article.publishedAt);
  if (article.modifiedAt && article.modifiedAt !== article.publishedAt) {
    time.after(el('span', { class: 'updated' }, ' · Updated ', el('time', { datetime: article.modifiedAt }, formatDate(article.modifiedAt))));
  }
  const hero = story.querySelector('.hero');
  if (article.heroImage) {
    const image = hero.querySelector('img');
    image.src = article.heroImage.url;
    image.alt = article.heroImage.alt ?? '';
    // a media library picture: the browser picks the width it needs from its renditions
    const widths = srcset(article.heroImage, 'w');
    if (widths) {
      image.srcset = widths;
      image.sizes = '(max-width: 48rem) 100vw, 48rem';
      image.width = article.heroImage.width;
      image.height = article.heroImage.height;
    }
    hero.querySelector('.caption').textContent = article.heroImage.caption ?? '';
    hero.querySelector('.credit').textContent = article.heroImage.credit ? `Photo: ${article.heroImage.credit}` : '';
  } else {
    hero.remove();
  }
  // bodyHtml is rendered and sanitized by the API (no script, no event handlers, no javascript: links)
  story.querySelector('.body').innerHTML = article.bodyHtml;
  story.querySelector('.tags').replaceChildren(...article.tags.map((tag) => el('li', {}, tag)));
  renderCorrections(story.querySelector('.corrections'), article.corrections);
  if (preview) {
    // a preview is for the holder of the link only: say so, and keep search engines out
    story.prepend(el('p', { class: 'preview-banner', role: 'status' },
      `Preview of ${article.status === 'PUBLISHED' ? 'a scheduled' : 'an unpublished'} article: only holders of this link can read it.`));
    document.head.append(el('meta', { name: 'robots', content: 'noindex' }));
  }
  await Promise.all([
    renderLatest(document.getElementById('latest'), article.slug),
    renderDontMiss(document.getElementById('dont-miss'), article.slug),
  ]);
  renderNewsletterBox(document.getElementById('newsletter'), sections);
  if (!preview) {
    await describeForSearchAndEmbeds(article.slug);
  }
});

const NOTE_LABELS = { CORRECTION: 'Correction', UPDATE: 'Update', CLARIFICATION: 'Clarification' };

/** Corrections and update notes, oldest first, as readers are owed them. */
function renderCorrections(box, corrections) {
  if (!corrections?.length) {
    box.remove();
    return;
  }
  box.replaceChildren(el('h2', {}, 'Corrections and updates'), el('ul', {}, ...corrections.map((note) => el('li', {},
    el('strong', {}, `${NOTE_LABELS[note.kind] ?? note.kind}: `), note.text, ' ',
    el('time', { datetime: note.createdAt }, formatDate(note.createdAt))))));
}

/**
 * The page's structured data for search engines, and the oEmbed link that embeds discover. A server-rendered page
 * writes the API's answer between <script type="application/ld+json"> tags as it is: the API escapes <, > and & in it.
 */
async function describeForSearchAndEmbeds(slug) {
  const structured = await api.structuredData(slug);
  const script = el('script', { type: 'application/ld+json' });
  script.textContent = JSON.stringify(structured);
  const oembed = new URL(`${apiBase}/api/v1/oembed`, location.href);
  oembed.searchParams.set('url', structured.url);
  oembed.searchParams.set('format', 'json');
  const link = el('link', { rel: 'alternate', type: 'application/json+oembed', href: oembed.href, title: structured.headline });
  document.head.append(script, link);
}
