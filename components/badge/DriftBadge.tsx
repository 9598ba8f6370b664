// The drift pill shown next to a model on listing cards and in the popup's search results. It renders
// a BadgeInfo computed in the background and needs nothing from the page it sits in. Everything from
// the Hub is rendered as text (JSX), never as HTML.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DRIFT_FLAGS, type DriftFlag } from '../../lib/drift/types';
import type { BadgeInfo } from '../../lib/report/types';
import { errorSentence } from '../shared/format';
import badgeCss from './badge.css?inline';

/** The badge styles, for the shadow roots the listing feature mounts badges in. */
export { badgeCss };

type BadgeSeverity = 'relaxed' | 'tightened' | 'neutral';

/** Short text per flag, used when the background sent no summary headline. */
const FLAG_HEADLINE: Record<DriftFlag, string> = {
  'license-relaxed': 'License relaxed',
  'license-tightened': 'License tightened',
  'language-narrowed': 'Languages narrowed',
  'card-shrank': 'Card shrank',
  'task-changed': 'New task',
  'auto-generated': 'Auto-generated card',
  'obligation-unmet': 'Upstream obligation unmet',
  'license-undeclared': 'No license stated',
};

/** The most important flag (DRIFT_FLAGS is in priority order), whatever order the flags came in. */
function topFlag(flags: readonly DriftFlag[]): DriftFlag | undefined {
  return DRIFT_FLAGS.find((flag) => flags.includes(flag));
}

function badgeSeverity(flags: readonly DriftFlag[]): BadgeSeverity {
  const top = topFlag(flags);
  if (top === 'license-relaxed' || top === 'obligation-unmet' || top === 'license-undeclared') return 'relaxed';
  if (top === 'license-tightened') return 'tightened';
  return 'neutral';
}

function badgeHeadline(badge: BadgeInfo): string {
  const headline = badge.summary?.headline?.trim();
  if (headline) return headline;
  const top = topFlag(badge.flags);
  return top ? FLAG_HEADLINE[top] : 'No drift';
}

export interface DriftBadgeProps {
  badge: BadgeInfo;
  /**
   * False renders the pill alone, its details in its accessible text: for places that are already
   * interactive as a whole (a listbox option in the popup), where a nested button is not allowed.
   */
  interactive?: boolean;
}

export function DriftBadge({ badge, interactive = true }: DriftBadgeProps) {
  if (badge.error) {
    const reason = errorSentence(badge.error, badge.id);
    return (
      <span class="hfd-badge" data-badge-state="error">
        <span class="pill quiet" title={reason}>
          not checked
          <span class="visually-hidden">: {reason}</span>
        </span>
      </span>
    );
  }
  if (!badge.hasParent) return null;

  const drifted = badge.flags.length > 0;
  const headline = drifted ? badgeHeadline(badge) : 'no drift';
  const severity = drifted ? badgeSeverity(badge.flags) : 'neutral';
  const more = drifted ? Math.max(0, new Set(badge.flags).size - 1) : 0;
  const details = detailLines(badge);
  const pillClass = `pill ${drifted ? severity : 'quiet'}`;
  const state = drifted ? 'drift' : 'no-drift';

  if (!interactive) {
    return (
      <span class="hfd-badge" data-badge-state={state} data-severity={severity} data-flag={topFlag(badge.flags)}>
        <span class={pillClass} title={[drifted ? headline : '', ...details].filter(Boolean).join('\n')}>
          {headline}
          {more > 0 && <span class="more"> +{more}</span>}
        </span>
      </span>
    );
  }
  return (
    <BadgeWithPopover
      state={state}
      severity={severity}
      flag={topFlag(badge.flags)}
      pillClass={pillClass}
      headline={headline}
      more={more}
      details={details}
      parentId={badge.parentId}
      drifted={drifted}
    />
  );
}

function detailLines(badge: BadgeInfo): string[] {
  if (!badge.flags.length) {
    return ['No drift from its parent in license, languages, task or card.'];
  }
  const lines = badge.summary?.detail?.filter((line) => line.trim()) ?? [];
  if (lines.length) return lines;
  // No summary from the background: name each flag instead.
  return DRIFT_FLAGS.filter((flag) => badge.flags.includes(flag)).map((flag) => FLAG_HEADLINE[flag]);
}

interface PopoverProps {
  state: string;
  severity: BadgeSeverity;
  flag?: DriftFlag;
  pillClass: string;
  headline: string;
  more: number;
  details: string[];
  parentId?: string;
  drifted: boolean;
}

function BadgeWithPopover({ state, severity, flag, pillClass, headline, more, details, parentId, drifted }: PopoverProps) {
  const [pinned, setPinned] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [alignEnd, setAlignEnd] = useState(false);
  const open = pinned || hovered;
  const popoverId = `hfd-badge-${useId()}`;
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  // A badge near the right edge opens its popover leftwards rather than off screen.
  useLayoutEffect(() => {
    if (!open) {
      setAlignEnd(false);
      return;
    }
    const view = popover.current?.ownerDocument.defaultView;
    const rect = popover.current?.getBoundingClientRect();
    if (view && rect && rect.right > view.innerWidth - 4) setAlignEnd(true);
  }, [open]);

  // A pinned popover closes on a click anywhere else (composedPath sees through shadow roots).
  useEffect(() => {
    if (!pinned) return;
    const doc = wrapper.current?.ownerDocument;
    if (!doc) return;
    const onPointerDown = (event: Event) => {
      if (wrapper.current && !event.composedPath().includes(wrapper.current)) setPinned(false);
    };
    doc.addEventListener('pointerdown', onPointerDown, true);
    return () => doc.removeEventListener('pointerdown', onPointerDown, true);
  }, [pinned]);

  const close = () => {
    setPinned(false);
    setHovered(false);
  };

  return (
    <span
      class="hfd-badge"
      ref={wrapper}
      data-badge-state={state}
      data-severity={severity}
      data-flag={flag}
      data-open={open ? 'true' : 'false'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault();
        event.stopPropagation();
        close();
        button.current?.focus();
      }}
      onFocusOut={(event) => {
        const next = (event as FocusEvent).relatedTarget as Node | null;
        if (!next || !wrapper.current?.contains(next)) setPinned(false);
      }}
    >
      <button
        type="button"
        ref={button}
        class={pillClass}
        aria-expanded={open}
        aria-describedby={popoverId}
        onClick={(event) => {
          // Listing cards are links: the badge must not follow them.
          event.preventDefault();
          event.stopPropagation();
          setPinned(!pinned);
        }}
      >
        <span class="visually-hidden">HF Drift: </span>
        {headline}
        {more > 0 && (
          <span class="more">
            {' '}+{more}
            <span class="visually-hidden"> more</span>
          </span>
        )}
      </button>
      <div class={`popover ${alignEnd ? 'end' : ''}`} id={popoverId} ref={popover} hidden={!open}>
        {drifted && <p class="headline">{headline}</p>}
        <ul class="details">
          {details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {parentId && <p class="parent">Compared with parent {parentId}</p>}
      </div>
    </span>
  );
}
