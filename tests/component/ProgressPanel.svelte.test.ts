import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressHarness from './ProgressHarness.svelte';
import { BACKUP_PREFIX, STORAGE_KEY } from '../../src/lib/progress/progress.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

const slugs = ['nginx', 'caddy', 'gunicorn'];

const stored = (topics: object) =>
  JSON.stringify({ format: 'deployment-map-progress', version: 1, exportedAt: 'x', topics });

async function importText(text: string, name = 'progress.json') {
  const input = screen.getByLabelText('Import progress…') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
  await screen.findByText(/imported|not imported/i);
}

describe('progress panel and controls', () => {
  it('marks a topic done and saves it', async () => {
    const storage = memoryStorage();
    render(ProgressHarness, { slugs, storage });
    expect(screen.getByText('0 of 3 done')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('radio', { name: 'Done' }));
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).topics).toEqual({ nginx: 'done' });
  });

  it('loads saved progress', () => {
    render(ProgressHarness, {
      slugs,
      storage: memoryStorage({ [STORAGE_KEY]: stored({ nginx: 'done', caddy: 'done' }) })
    });
    expect(screen.getByText('2 of 3 done')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Done' })).toBeChecked();
  });

  it('keeps corrupt stored progress as a downloadable copy, then resets and says so', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{corrupt' });
    render(ProgressHarness, { slugs, storage });
    expect(
      screen.getByText(/could not be read \(it is not valid JSON\)\. A copy was kept/)
    ).toBeInTheDocument();
    expect(screen.getByText('0 of 3 done')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Download the unreadable copy' })
    ).toBeInTheDocument();
    const copies = Object.entries(storage.entries()).filter(([k]) => k.startsWith(BACKUP_PREFIX));
    expect(copies.map(([, v]) => v)).toEqual(['{corrupt']);
  });

  it('shows progress from a newer version, refuses to overwrite it, and says so at the control', async () => {
    const newer = JSON.stringify({
      format: 'deployment-map-progress',
      version: 2,
      topics: { nginx: 'done', caddy: 'mastered' }
    });
    const storage = memoryStorage({ [STORAGE_KEY]: newer });
    render(ProgressHarness, { slugs, storage });
    expect(screen.getByText(/written by a newer version of this site/)).toBeInTheDocument();
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('radio', { name: 'Learning' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^Not saved: your saved progress was written by a newer version/
    );
    expect(screen.getByRole('radio', { name: 'Done' })).toBeChecked();
    expect(storage.getItem(STORAGE_KEY)).toBe(newer);
  });

  it('a full storage is reported next to the choices, and the choice is put back', async () => {
    const storage = memoryStorage(
      { [STORAGE_KEY]: stored({ nginx: 'learning' }) },
      { failWrites: true }
    );
    render(ProgressHarness, { slugs, storage });
    await fireEvent.click(screen.getByRole('radio', { name: 'Done' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Not saved: the browser’s storage for this site is full. Your progress is unchanged.'
    );
    expect(alert.closest('fieldset')).toHaveAccessibleName('Your progress on Nginx');
    expect(screen.getByRole('radio', { name: 'Learning' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Done' })).not.toBeChecked();
  });

  it("follows another tab's changes (the storage event)", async () => {
    const storage = memoryStorage();
    render(ProgressHarness, { slugs, storage });
    storage.setItem(STORAGE_KEY, stored({ nginx: 'done', caddy: 'done' }));
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    expect(await screen.findByText('2 of 3 done')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Done' })).toBeChecked();
  });

  it('works without storage and says progress will not be kept', async () => {
    render(ProgressHarness, { slugs, storage: null });
    expect(screen.getByText(/storage is unavailable/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('radio', { name: 'Learning' }));
    expect(screen.getByText(/1 learning/)).toBeInTheDocument();
  });

  it('imports a valid file and refuses a malformed one without changing anything', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: stored({ nginx: 'learning' }) });
    render(ProgressHarness, { slugs, storage });
    await importText('{"format":"something-else"}', 'other.json');
    expect(
      screen.getByText(/“other\.json” was not imported: it is not a Deployment Map progress file/)
    ).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).topics).toEqual({ nginx: 'learning' });
    expect(screen.getByText(/1 learning/)).toBeInTheDocument();

    await importText(stored({ nginx: 'done', caddy: 'done', gunicorn: 'skipped' }));
    expect(screen.getByText('Imported progress for 3 topics.')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 done')).toBeInTheDocument();
  });

  it.each([
    [
      'an empty file',
      '',
      '“progress.json” was not imported: the file is empty. Your progress is unchanged.'
    ],
    [
      'a file with no valid entry',
      stored({ nginx: 'finished', 'NOT A SLUG': 'done' }),
      '“progress.json” was not imported: none of its 2 entries is a topic mark this site understands. Your progress is unchanged.'
    ],
    [
      'a file edited by hand, its version in quotes',
      JSON.stringify({
        format: 'deployment-map-progress',
        version: '1',
        topics: { nginx: 'done' }
      }),
      '“progress.json” was not imported: its "version" is text ("1"); write the number 1 without quotes. Your progress is unchanged.'
    ]
  ])('refuses %s and changes nothing', async (_, text, message) => {
    const before = stored({ nginx: 'learning' });
    const storage = memoryStorage({ [STORAGE_KEY]: before });
    render(ProgressHarness, { slugs, storage });
    await importText(text);
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(screen.getByText(/1 learning/)).toBeInTheDocument();
  });

  it('an import keeps the marks of topics the file does not name', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: stored({ nginx: 'learning' }) });
    render(ProgressHarness, { slugs, storage });
    await importText(stored({ caddy: 'done', removed: 'finished' }));
    expect(
      screen.getByText('Imported progress for 1 topic (1 entry not understood were skipped).')
    ).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).topics).toEqual({
      caddy: 'done',
      nginx: 'learning'
    });
  });
});
