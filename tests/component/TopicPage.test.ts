import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TopicPage from '../../src/components/topic/TopicPage.svelte';
import type { TopicInfo } from '../../src/lib/site/siteData.ts';

const info = (slug: string, extra: Partial<TopicInfo> = {}): TopicInfo => ({
  slug,
  title: slug.toUpperCase(),
  summary: `Summary of ${slug}.`,
  group: 'core',
  parent: 'outer',
  arrows: [],
  related: [],
  examples: [],
  resources: [],
  reviewed: '2026-11-01',
  linkedFrom: [],
  ...extra
});
const topics = {
  web: info('web', {
    related: ['db'],
    arrows: [{ to: 'db', label: 'accesses' }],
    examples: [{ name: 'Nginx', url: 'https://nginx.org/' }],
    resources: [
      {
        name: 'Spec',
        url: 'https://peps.python.org/pep-3333/',
        note: 'The interface itself, short and readable.'
      },
      { name: 'Other', url: 'https://example.org/' }
    ],
    linkedFrom: ['cache', 'db', 'page']
  }),
  db: info('db', { related: ['web', 'page'] }),
  cache: info('cache', { related: ['web'], parent: 'web' }),
  page: info('page')
};
const groups = [{ id: 'core', label: 'Core things' }];
const boxes = [{ id: 'outer', label: 'The outer box' }];

describe('TopicPage', () => {
  it('shows the title, group, summary and a link back to the map focused on the topic', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/' });
    expect(screen.getByRole('heading', { level: 1, name: 'WEB' })).toBeInTheDocument();
    expect(screen.getByText('Core things')).toBeInTheDocument();
    expect(screen.getByText('Summary of web.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to the map/i })).toHaveAttribute(
      'href',
      '/?focus=web'
    );
  });

  it('lists its own related topics, then the other pages linking to it as "Linked from"', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/sub/' });
    const related = screen.getByRole('region', { name: 'Related topics' });
    expect(
      within(related)
        .getAllByRole('link')
        .map((a) => a.textContent)
    ).toEqual(['DB']);
    expect(within(related).getByRole('link', { name: 'DB' })).toHaveAttribute(
      'href',
      '/sub/topics/db/'
    );
    const linked = screen.getByRole('region', { name: 'Linked from' });
    // DB is already a related topic, so it is not listed twice.
    expect(
      within(linked)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')])
    ).toEqual([
      ['CACHE', '/sub/topics/cache/'],
      ['PAGE', '/sub/topics/page/']
    ]);
  });

  it('has no "Linked from" when nothing else links to it', () => {
    render(TopicPage, { topic: topics.page, topics, groups, boxes, base: '/' });
    expect(screen.queryByRole('region', { name: 'Linked from' })).toBeNull();
  });

  it('shows when it was last reviewed, as a machine-readable date', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/' });
    const line = screen.getByText(/^Last reviewed/);
    expect(line).toHaveTextContent('Last reviewed 1 November 2026');
    expect(line.querySelector('time')).toHaveAttribute('datetime', '2026-11-01');
  });

  it('lists examples and resources as links, each note after its link', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/sub/' });
    const resources = within(screen.getByRole('region', { name: 'Resources' })).getAllByRole(
      'listitem'
    );
    expect(resources[0]).toHaveTextContent(
      /^Spec peps\.python\.org\s*The interface itself, short and readable\.$/
    );
    expect(resources[1]).toHaveTextContent(/^Other example\.org$/);
    expect(screen.getByRole('link', { name: 'Nginx' })).toHaveAttribute(
      'href',
      'https://nginx.org/'
    );
    expect(
      within(screen.getByRole('region', { name: 'Resources' })).getByRole('link', { name: 'Spec' })
    ).toBeInTheDocument();
  });

  it('says where it sits, generated from the graph: its box, arrows and what it contains', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/' });
    const map = screen.getByRole('region', { name: 'Where it sits on the map' });
    expect(map).toHaveTextContent('Inside The outer box.');
    expect(within(map).getByRole('list', { name: 'Arrows of WEB' })).toHaveTextContent(
      'WEB accesses → DB'
    );
    expect(within(map).getByRole('link', { name: 'DB' })).toHaveAttribute('href', '/topics/db/');
    expect(map).toHaveTextContent('Contains CACHE.');
    expect(within(map).getByRole('link', { name: 'CACHE' })).toHaveAttribute(
      'href',
      '/topics/cache/'
    );
  });

  it('gives a topic inside a topic box that box as a link and the box\u2019s arrows', () => {
    render(TopicPage, { topic: topics.cache, topics, groups, boxes, base: '/' });
    const map = screen.getByRole('region', { name: 'Where it sits on the map' });
    expect(map).toHaveTextContent('Inside WEB, within The outer box.');
    for (const l of within(map).getAllByRole('link', { name: 'WEB' }))
      expect(l).toHaveAttribute('href', '/topics/web/');
    expect(map).toHaveTextContent('No labelled arrow starts or ends at CACHE itself.');
    expect(within(map).getByRole('list', { name: 'Arrows of WEB' })).toHaveTextContent(
      'WEB accesses → DB'
    );
  });
});
