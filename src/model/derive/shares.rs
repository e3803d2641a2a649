//! Work over a long list split into a share for each core, the results in list order: a
//! million records derive or print in half the time on two cores. Short lists stay on one
//! core, where threads would only add work.

use std::ops::Range;

/// `work` over `0..len`, in one share per core when `len` is at least `min`; the shares'
/// results in order. A panic in a share is the caller's, as if `work` had run here.
pub fn in_shares<T: Send>(
    len: usize,
    min: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores == 1 || len < min.max(2) {
        return vec![work(0..len)];
    }
    let share = len.div_ceil(cores);
    let work = &work;
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..len)
            .step_by(share)
            .map(|from| scope.spawn(move || work(from..(from + share).min(len))))
            .collect();
        running
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_cover_the_list_once_in_order() {
        for (len, min) in [(0, 0), (1, 0), (7, 0), (1000, 0), (1000, 5000)] {
            let shares = super::in_shares(len, min, |range| range.collect::<Vec<_>>());
            let joined: Vec<usize> = shares.concat();
            assert_eq!(joined, (0..len).collect::<Vec<_>>());
            if len < min {
                assert_eq!(shares.len(), 1);
            }
        }
    }
}
