'use client';

import { useEffect } from 'react';

/**
 * Opens what the URL's `#fragment` points at (a diff entry or a finding card, both native `<details>`), with every
 * `<details>` around it, and scrolls it into view: on load and on each hash change. Renders nothing.
 */
export function OpenOnHash() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (!target) return;
      const own = target instanceof HTMLDetailsElement ? target : target.querySelector(':scope > details');
      if (own instanceof HTMLDetailsElement) own.open = true;
      for (let parent = target.parentElement?.closest('details'); parent; parent = parent.parentElement?.closest('details')) {
        parent.open = true;
      }
      target.scrollIntoView({ block: 'start' });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  return null;
}
