import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What every console page does with the API: load what `load` fetches when the page opens and whenever
 * `deps` change, reload on demand, keep reloading while `pollWhile(data)` holds (a document on its way
 * to indexed, a conversion under way), and keep the last failure to show. `act` runs a change the same
 * way (upload, delete): its failure is shown, its success reloads; it resolves to whether it succeeded.
 */
export function useApiList(load, deps, { initial = [], pollWhile = () => false, pollMillis = 1000 } = {}) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState(null);
  // A later successful load clears a failed load's message, never the failure of something the user did.
  const loadFailed = useRef(false);

  const refresh = useCallback(async () => {
    try {
      setData(await load());
      if (loadFailed.current) {
        loadFailed.current = false;
        setError(null);
      }
    } catch (e) {
      loadFailed.current = true;
      setError(e.message);
    }
  }, deps);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const polling = pollWhile(data);
  useEffect(() => {
    if (!polling) {
      return undefined;
    }
    const timer = setTimeout(refresh, pollMillis);
    return () => clearTimeout(timer);
  }, [polling, data, refresh, pollMillis]);

  const act = useCallback(async (change) => {
    setError(null);
    loadFailed.current = false;
    try {
      await change();
    } catch (e) {
      setError(e.message);
      return false;
    }
    await refresh();
    return true;
  }, [refresh]);

  return { data, error, setError, refresh, act };
}
