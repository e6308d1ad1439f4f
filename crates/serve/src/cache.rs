//! Pages and API answers already rendered, for the analysis they were rendered from: a
//! story page is rendered once per analysis, however many read it. Keyed by the route
//! and the parameters it reads ([`Route`]), so that a parameter the route ignores
//! (`?cachebust=N`) finds the same entry, and bounded in entries and bytes: past either
//! bound the oldest entries go.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use parallax_store::Store;

use crate::http::Reply;
use crate::route::Route;

/// Most replies kept (searches make new routes without end); past it the oldest go.
pub(crate) const CACHED_REPLIES: usize = 10_000;

/// Most bytes of reply bodies kept; past it the oldest go. A reply larger than a quarter
/// of it is not kept at all.
pub(crate) const CACHED_BYTES: usize = 64 << 20;

/// How long an analysis revision read from the store stands before the store is asked
/// again: another process's add shows within this; this server's own posts show at once.
/// Asking on every request cost a PostgreSQL round trip each (p99 of 1,000 story pages at
/// once 145–164 ms against 7–28 ms from SQLite).
const RECHECK: Duration = Duration::from_millis(250);

/// The reply cache.
#[derive(Default)]
pub(crate) struct Cache {
    revision: Option<i64>,
    /// When the store was last asked for its analysis revision.
    checked: Option<Instant>,
    replies: HashMap<Route, Reply>,
    /// The routes kept, oldest first.
    order: VecDeque<Route>,
    /// Bytes of the bodies kept.
    bytes: usize,
}

impl Cache {
    /// The revision of the analysis the replies come from, asking the store when the last
    /// answer is older than [`RECHECK`]; a new revision empties the cache.
    pub(crate) fn revision(cache: &Mutex<Cache>, store: &Store) -> Option<i64> {
        {
            let cache = lock(cache);
            if cache.checked.is_some_and(|at| at.elapsed() < RECHECK) {
                return cache.revision;
            }
        }
        let revision = store.analysis_revision().ok().flatten();
        let mut cache = lock(cache);
        if cache.revision != revision {
            cache.revision = revision;
            cache.clear();
        }
        cache.checked = Some(Instant::now());
        revision
    }

    /// Makes the next [`Cache::revision`] ask the store.
    pub(crate) fn expire(cache: &Mutex<Cache>) {
        lock(cache).checked = None;
    }

    /// The reply kept for `route` from the analysis at `revision`.
    pub(crate) fn get(&self, route: &Route, revision: Option<i64>) -> Option<Reply> {
        (self.revision == revision)
            .then(|| self.replies.get(route).cloned())
            .flatten()
    }

    /// Keeps `reply` for `route` when it comes from the analysis the cache holds, making
    /// room by dropping the oldest replies.
    pub(crate) fn put(&mut self, route: Route, reply: Reply, revision: Option<i64>) {
        let size = reply.body.len();
        if self.revision != revision || size > CACHED_BYTES / 4 || self.replies.contains_key(&route)
        {
            return;
        }
        while self.replies.len() >= CACHED_REPLIES || self.bytes + size > CACHED_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(r) = self.replies.remove(&old) {
                self.bytes -= r.body.len();
            }
        }
        self.bytes += size;
        self.order.push_back(route.clone());
        self.replies.insert(route, reply);
    }

    fn clear(&mut self) {
        self.replies.clear();
        self.order.clear();
        self.bytes = 0;
    }

    /// How many replies are kept and their bytes.
    #[cfg(test)]
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.replies.len(), self.bytes)
    }
}

/// The cache, locked (a panic while it was held leaves it usable).
pub(crate) fn lock(cache: &Mutex<Cache>) -> MutexGuard<'_, Cache> {
    cache.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(bytes: usize) -> Reply {
        Reply::new(200, "text/plain", vec![b'x'; bytes])
    }

    #[test]
    fn ignored_parameters_share_an_entry_and_the_bounds_hold() {
        let mut cache = Cache::default();
        for k in 0..300 {
            let route = Route::of(&format!("/stories/S6?cachebust={k}"));
            if cache.get(&route, None).is_none() {
                cache.put(route, reply(1000), None);
            }
        }
        assert_eq!(cache.size(), (1, 1000));
        for k in 0..CACHED_REPLIES + 10 {
            cache.put(Route::of(&format!("/?q=w{k}")), reply(1), None);
        }
        assert_eq!(cache.size().0, CACHED_REPLIES);
        // The oldest went first.
        assert!(cache.get(&Route::of("/stories/S6"), None).is_none());
        for k in 0..8 {
            cache.put(
                Route::Story(format!("big{k}")),
                reply(CACHED_BYTES / 5),
                None,
            );
        }
        assert!(cache.size().1 <= CACHED_BYTES);
        cache.put(Route::Story("huge".into()), reply(CACHED_BYTES / 3), None);
        assert!(cache.get(&Route::Story("huge".into()), None).is_none());
        // A reply from another analysis is not kept.
        cache.put(Route::Story("old".into()), reply(1), Some(7));
        assert!(cache.get(&Route::Story("old".into()), Some(7)).is_none());
    }
}
