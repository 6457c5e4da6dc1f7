//! Runs a batch of articles on worker threads, in input order. A panic while extracting one
//! article is caught and returned as that article's failure: the rest of the batch, and of the
//! run, goes through, and the CLI reports the article and sets the exit code.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chronik::document::Article;

/// `work` applied to every article of `batch` on `jobs` threads, in input order; `Err` holds the
/// panic message of an article whose extraction panicked.
pub fn run_batch<T: Send>(
    batch: &[Article],
    jobs: usize,
    work: impl Fn(&Article) -> T + Sync,
) -> Vec<Result<T, String>> {
    // the pipeline is shared read-only, so a panic in one article leaves nothing half-changed
    // that another article could see
    let one = |a: &Article| catch_unwind(AssertUnwindSafe(|| work(a))).map_err(panic_message);
    if jobs <= 1 || batch.len() < 2 {
        return batch.iter().map(one).collect();
    }
    let chunk = batch.len().div_ceil(jobs);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|c| (c.len(), s.spawn(|| c.iter().map(one).collect::<Vec<_>>())))
            .collect();
        handles
            .into_iter()
            .flat_map(|(n, h)| match h.join() {
                Ok(results) => results,
                // every article is caught above; should the thread die anyway, all of its
                // articles are failures, never silently missing
                Err(e) => {
                    let message = panic_message(e);
                    (0..n).map(|_| Err(message.clone())).collect()
                }
            })
            .collect()
    })
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| {
                Article::new(
                    format!("a{i}"),
                    "2022-01-10T10:00:00+01:00".parse().unwrap(),
                    "Text.",
                )
            })
            .collect()
    }

    #[test]
    fn a_panic_fails_its_article_only_and_keeps_the_order() {
        let batch = articles(9);
        for jobs in [1, 2, 4] {
            let results = run_batch(&batch, jobs, |a| {
                assert_ne!(a.id, "a4", "boom in {}", a.id);
                a.id.clone()
            });
            assert_eq!(results.len(), 9);
            for (i, r) in results.iter().enumerate() {
                if i == 4 {
                    let message = r.as_ref().unwrap_err();
                    assert!(message.contains("boom in a4"), "{message}");
                } else {
                    assert_eq!(r.as_deref(), Ok(format!("a{i}").as_str()));
                }
            }
        }
    }
}
