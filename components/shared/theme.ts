// Extension pages (popup, options) follow the system colour scheme; Hub pages follow the Hub's theme.
import { useEffect, useState } from 'preact/hooks';

const darkScheme = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

export function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => darkScheme()?.matches ?? false);
  useEffect(() => {
    const query = darkScheme();
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}
