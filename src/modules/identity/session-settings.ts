export const SESSION_COOKIE = 'tidu_session';
export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** A session's last-seen time is written at most this often, so reads do not each cost a write. */
export const TOUCH_INTERVAL_SECONDS = 60;
