import { useEffect, useState } from 'react';

/** The page named by the URL's fragment (#/chat), so links, reloads and the back button work without a router. */
export function useHashRoute(fallback) {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  });
  return route;
}
