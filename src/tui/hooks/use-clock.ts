/** "Now" for ages and due times, ticking once a minute so rows can stay memoised between keys. */
import { useEffect, useState } from 'react';

export function useClock(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
