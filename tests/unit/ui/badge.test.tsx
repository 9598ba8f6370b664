import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftBadge } from '../../../components/badge/DriftBadge';
import { badge, RELAXED_BADGE } from './fixtures';

describe('DriftBadge', () => {
  afterEach(cleanup);

  it('renders nothing for a model without a parent', () => {
    const { container } = render(<DriftBadge badge={badge({ hasParent: false, parentId: undefined })} />);
    expect(container.textContent).toBe('');
    expect(container.querySelector('.hfd-badge')).toBeNull();
  });

  it('shows a quiet "no drift" pill when the parent exists and nothing drifted', () => {
    const { container } = render(<DriftBadge badge={badge()} />);
    const pill = screen.getByRole('button', { name: /no drift/ });
    expect(pill.className).toContain('quiet');
    expect(container.querySelector('[data-badge-state]')?.getAttribute('data-badge-state')).toBe('no-drift');
  });

  it('shows the relaxed-license headline in the relaxed colour, with a count of further drifts', () => {
    const { container } = render(<DriftBadge badge={RELAXED_BADGE} />);
    const pill = screen.getByRole('button', { name: /License relaxed: llama3\.1 → apache-2\.0/ });
    expect(pill.className).toContain('relaxed');
    expect(pill.textContent).toContain('+1');
    expect(container.querySelector('.hfd-badge')?.getAttribute('data-severity')).toBe('relaxed');
  });

  it('falls back to a short text per flag and colours tightening blue, the rest neutral', () => {
    render(<DriftBadge badge={badge({ flags: ['license-tightened'] })} />);
    expect(screen.getByRole('button', { name: /License tightened/ }).className).toContain('tightened');
    render(<DriftBadge badge={badge({ flags: ['card-shrank', 'task-changed'] })} />);
    const card = screen.getByRole('button', { name: /Card shrank/ });
    expect(card.className).not.toMatch(/relaxed|tightened/);
  });

  it('opens its details with the keyboard and closes them with Escape', () => {
    render(<DriftBadge badge={RELAXED_BADGE} />);
    const button = screen.getByRole('button', { name: /License relaxed/ });
    const popover = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(popover.hidden).toBe(true);

    button.focus();
    fireEvent.click(button); // Enter/Space on a focused <button> fire click
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(popover.hidden).toBe(false);
    expect(popover.textContent).toContain('Narrowed to English (the parent lists 8 languages).');
    expect(popover.textContent).toContain('Compared with parent meta-llama/Llama-3.1-8B');

    fireEvent.keyDown(button, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(popover.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('shows its details on hover', () => {
    const { container } = render(<DriftBadge badge={RELAXED_BADGE} />);
    const button = screen.getByRole('button');
    fireEvent.mouseEnter(container.querySelector('.hfd-badge')!);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.mouseLeave(container.querySelector('.hfd-badge')!);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('does not follow the link of the card it sits in', () => {
    render(
      <a href="https://huggingface.co/skyforge/Sky-Chat-8B">
        <DriftBadge badge={RELAXED_BADGE} />
      </a>,
    );
    const clicked = fireEvent.click(screen.getByRole('button'));
    expect(clicked).toBe(false); // default prevented
  });

  it('says "not checked" with the reason as its title when the check failed', () => {
    render(<DriftBadge badge={badge({ error: { kind: 'rate-limited', message: 'Too many requests' } })} />);
    const pill = screen.getByText('not checked', { exact: false });
    expect(pill.getAttribute('title')).toMatch(/asked us to slow down/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders Hub text as text, never as markup', () => {
    const { container } = render(
      <DriftBadge badge={badge({ flags: ['task-changed'], summary: { flags: ['task-changed'], headline: '<img src=x onerror=alert(1)>', detail: [] } })} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button').textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('in a non-interactive place, shows the pill without a nested button', () => {
    render(<DriftBadge badge={RELAXED_BADGE} interactive={false} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/License relaxed: llama3\.1/)).toBeTruthy();
  });
});
