import { useEffect, useRef, type RefObject } from 'react';
import { isH5 } from './env';

/**
 * What assistive technology is told about an element. The browser build speaks ARIA and needs
 * tabindex and key handling to make a tappable element a control; WeChat's screen reader reads
 * `aria-role` and `aria-label` on mini-program components (see config/a11y-template.ts, which adds
 * them to the weapp template), and has no keyboard.
 */

/** Attributes spread onto a Taro component; keys are attribute names. */
export type A11yProps = Record<string, unknown>;

/** Taro's browser components take attribute values as strings only (booleans are dropped). */
const flag = (value: boolean) => (value ? 'true' : 'false');

interface ControlOptions {
  role: 'button' | 'link' | 'checkbox' | 'radio' | 'tab';
  /** The accessible name, when the visible text does not say it (e.g. ×). */
  label?: string;
  /** checkbox / radio / tab state. */
  checked?: boolean;
  disabled?: boolean;
  /** Enter and Space do what a tap does. */
  onActivate?(): void;
}

/** A tappable View as a real control: a role, a name, reachable with Tab, activated by Enter/Space. */
export function controlProps({ role, label, checked, disabled = false, onActivate }: ControlOptions): A11yProps {
  if (!isH5) {
    return {
      'aria-role': role,
      ...(label ? { 'aria-label': label } : {}),
      ...(checked !== undefined ? { 'aria-checked': flag(checked) } : {}),
      ...(disabled ? { 'aria-disabled': 'true' } : {}),
    };
  }
  return {
    role,
    tabIndex: disabled ? -1 : 0,
    ...(label ? { 'aria-label': label } : {}),
    ...(checked !== undefined ? { [role === 'tab' ? 'aria-selected' : 'aria-checked']: flag(checked) } : {}),
    ...(disabled ? { 'aria-disabled': 'true' } : {}),
    onKeyDown: (event: KeyboardEvent) => {
      if (disabled || !onActivate) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onActivate();
      }
    },
  };
}

/** A picture's text alternative: the inner <img>'s alt in a browser, aria-label in WeChat. Pass '' for decoration. */
export function imageProps(alt: string): A11yProps {
  if (!isH5) return alt ? { 'aria-label': alt } : {};
  return { nativeProps: { alt } };
}

/**
 * Ties an Input/Textarea to its visible label (by the label's id) and its hint or error; the label
 * text is repeated as aria-label for checkers that only count labels scrolled into view.
 */
export function fieldProps(labelId: string, label: string, describedBy?: string): A11yProps {
  if (!isH5) return { 'aria-label': label };
  return { nativeProps: { 'aria-labelledby': labelId, 'aria-label': label, ...(describedBy ? { 'aria-describedby': describedBy } : {}) } };
}

/** A landmark region (`main`, `navigation`, `banner`), optionally named. */
export function landmarkProps(role: 'main' | 'navigation' | 'banner' | 'region' | 'complementary', label?: string): A11yProps {
  if (!isH5) return { 'aria-role': role, ...(label ? { 'aria-label': label } : {}) };
  return { role, ...(label ? { 'aria-label': label } : {}) };
}

/** A heading of the given level (a Text is not one by itself). */
export function headingProps(level: 1 | 2 | 3): A11yProps {
  if (!isH5) return { 'aria-role': 'heading' };
  return { role: 'heading', 'aria-level': String(level) };
}

/** A live region whose changes are announced (errors, results). */
export function statusProps(urgent = false): A11yProps {
  if (!isH5) return { 'aria-role': urgent ? 'alert' : 'status' };
  return { role: urgent ? 'alert' : 'status' };
}

/** Hidden from assistive technology (decorative glyphs, arrows). */
export function hiddenProps(): A11yProps {
  return { 'aria-hidden': 'true' };
}

/** A modal dialog labelled by its title. */
export function dialogProps(titleId: string, title: string): A11yProps {
  if (!isH5) return { 'aria-role': 'dialog', 'aria-label': title };
  return { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabIndex: -1 };
}

const FOCUSABLE = '[tabindex]:not([tabindex="-1"]), input:not([disabled]), textarea:not([disabled]), a[href]';

/**
 * While a dialog is open (browser build): focus moves into it, Tab stays inside it, Escape closes it
 * (when it can be closed), and focus returns to where it was when it closes. No-op in WeChat.
 */
export function useDialogFocus(ref: RefObject<unknown>, onEscape?: () => void): void {
  // The latest handler, without re-running the focus effect on every render.
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    if (!isH5) return undefined;
    const panel = ref.current as HTMLElement | null;
    if (!panel || typeof panel.focus !== 'function') return undefined;
    const previous = document.activeElement as HTMLElement | null;
    const focusables = () => [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
    // The first field if there is one, else the dialog itself (its title is read out). Taro's fields
    // draw their <input> a moment after mounting: look again for a few frames before settling.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const focusIn = () => {
      const first = focusables().find((e) => e.tagName === 'INPUT' || e.tagName === 'TEXTAREA');
      if (!first && tries++ < 10) {
        if (!panel.contains(document.activeElement)) panel.focus();
        timer = setTimeout(focusIn, 30);
        return;
      }
      (first ?? panel).focus();
    };
    if (!panel.hasAttribute('tabindex')) panel.setAttribute('tabindex', '-1');
    focusIn();

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && escape.current) {
        event.preventDefault();
        escape.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables();
      if (items.length === 0) return;
      const [head, tail] = [items[0], items[items.length - 1]];
      const active = document.activeElement;
      if (event.shiftKey && (active === head || active === panel)) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && active === tail) {
        event.preventDefault();
        head.focus();
      }
    };
    // Capture phase: Taro's inputs stop keydown from bubbling.
    document.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey, true);
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
  }, [ref]);
}

/** A group of controls named by a visible label (radio options, tabs). */
export function groupProps(role: 'radiogroup' | 'group' | 'tablist', labelId: string, label: string): A11yProps {
  if (!isH5) return { 'aria-role': role, 'aria-label': label };
  return { role, 'aria-labelledby': labelId };
}

/** Marks up the browser build's navigation bar (drawn by Taro's router outside React). */
function describeNavigationBar(bar: HTMLElement): void {
  bar.setAttribute('role', 'banner');
  const title = bar.querySelector<HTMLElement>('.taro-navigation-bar-title');
  // The page title is each page's top heading.
  title?.setAttribute('role', 'heading');
  title?.setAttribute('aria-level', '1');
  const buttons: [string, string][] = [
    ['.taro-navigation-bar-back', '返回'],
    ['.taro-navigation-bar-home', '首页'],
  ];
  for (const [selector, label] of buttons) {
    const button = bar.querySelector<HTMLElement>(selector);
    if (!button) continue;
    button.setAttribute('role', 'button');
    button.setAttribute('tabindex', '0');
    button.setAttribute('aria-label', label);
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      button.click();
    });
  }
}

/** Once per launch: the parts of the browser page that React does not draw get their roles too. No-op in WeChat. */
export function installBrowserA11y(): void {
  if (!isH5 || typeof document === 'undefined') return;
  const bar = document.getElementById('taro-navigation-bar');
  if (bar) describeNavigationBar(bar);
}
