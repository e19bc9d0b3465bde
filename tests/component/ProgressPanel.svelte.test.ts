import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ProgressHarness from './ProgressHarness.svelte';
import { STORAGE_KEY } from '../../src/lib/progress/progress.ts';

const slugs = ['nginx', 'caddy', 'gunicorn'];

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v))
  };
}
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
    render(ProgressHarness, { slugs, storage: memoryStorage({ [STORAGE_KEY]: stored({ nginx: 'done', caddy: 'done' }) }) });
    expect(screen.getByText('2 of 3 done')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Done' })).toBeChecked();
  });

  it('resets corrupt stored progress and says so', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{corrupt' });
    render(ProgressHarness, { slugs, storage });
    expect(screen.getByText(/could not be read .* reset/)).toBeInTheDocument();
    expect(screen.getByText('0 of 3 done')).toBeInTheDocument();
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
    expect(screen.getByText(/“other\.json” was not imported: it is not a Deployment Map progress file/)).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).topics).toEqual({ nginx: 'learning' });
    expect(screen.getByText(/1 learning/)).toBeInTheDocument();

    await importText(stored({ nginx: 'done', caddy: 'done', gunicorn: 'skipped' }));
    expect(screen.getByText('Imported progress for 3 topics.')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 done')).toBeInTheDocument();
  });
});
