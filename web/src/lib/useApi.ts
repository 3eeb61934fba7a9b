import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';

export interface ApiState<T> {
  data: T | undefined;
  loading: boolean;
  error: Error | undefined;
  reload: () => void;
}

/** Runs `load` whenever `deps` change; reports failures with message.error and keeps the last data. */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): ApiState<T> {
  const { message } = App.useApp();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    loadRef.current().then(
      (result) => {
        if (!current) return;
        setData(result);
        setLoading(false);
      },
      (err: Error) => {
        if (!current) return;
        setError(err);
        setLoading(false);
        message.error(err.message);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}
