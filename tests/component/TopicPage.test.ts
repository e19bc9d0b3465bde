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
  ...extra
});
const topics = {
  web: info('web', {
    related: ['db'],
    arrows: [{ to: 'db', label: 'accesses' }],
    examples: [{ name: 'Nginx', url: 'https://nginx.org/' }],
    resources: [{ name: 'Spec', url: 'https://peps.python.org/pep-3333/' }]
  }),
  db: info('db'),
  cache: info('cache', { related: ['web'], parent: 'web' })
};
const groups = [{ id: 'core', label: 'Core things' }];
const boxes = [{ id: 'outer', label: 'The outer box' }];

describe('TopicPage', () => {
  it('shows the title, group, summary and a link back to the map focused on the topic', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/' });
    expect(screen.getByRole('heading', { level: 1, name: 'WEB' })).toBeInTheDocument();
    expect(screen.getByText('Core things')).toBeInTheDocument();
    expect(screen.getByText('Summary of web.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to the map/i })).toHaveAttribute('href', '/?focus=web');
  });

  it('lists related topics in both directions, examples and resources as links', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/sub/' });
    const related = screen.getByRole('region', { name: 'Related topics' });
    expect(within(related).getByRole('link', { name: 'DB' })).toHaveAttribute('href', '/sub/topics/db/');
    expect(within(related).getByRole('link', { name: 'CACHE' })).toHaveAttribute('href', '/sub/topics/cache/');
    expect(screen.getByRole('link', { name: 'Nginx' })).toHaveAttribute('href', 'https://nginx.org/');
    expect(within(screen.getByRole('region', { name: 'Resources' })).getByRole('link', { name: 'Spec' })).toBeInTheDocument();
  });

  it('says where it sits, generated from the graph: its box, arrows and what it contains', () => {
    render(TopicPage, { topic: topics.web, topics, groups, boxes, base: '/' });
    const map = screen.getByRole('region', { name: 'Where it sits on the map' });
    expect(map).toHaveTextContent('Inside The outer box.');
    expect(within(map).getByRole('list', { name: 'Arrows of WEB' })).toHaveTextContent('WEB accesses → DB');
    expect(within(map).getByRole('link', { name: 'DB' })).toHaveAttribute('href', '/topics/db/');
    expect(map).toHaveTextContent('Contains CACHE.');
    expect(within(map).getByRole('link', { name: 'CACHE' })).toHaveAttribute('href', '/topics/cache/');
  });

  it('gives a topic inside a topic box that box as a link and the box\u2019s arrows', () => {
    render(TopicPage, { topic: topics.cache, topics, groups, boxes, base: '/' });
    const map = screen.getByRole('region', { name: 'Where it sits on the map' });
    expect(map).toHaveTextContent('Inside WEB, within The outer box.');
    for (const l of within(map).getAllByRole('link', { name: 'WEB' })) expect(l).toHaveAttribute('href', '/topics/web/');
    expect(map).toHaveTextContent('No labelled arrow starts or ends at CACHE itself.');
    expect(within(map).getByRole('list', { name: 'Arrows of WEB' })).toHaveTextContent('WEB accesses → DB');
  });
});
