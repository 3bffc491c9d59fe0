//! `tintuc-content watch`: the tree indexed again each time one of its sources changes, for
//! `make serve`. It polls: a few hundred files' times cost nothing, and no watcher crate or
//! platform API is needed.

use crate::PublishError;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use tintuc::content::paths;

/// How often the sources are looked at.
const POLL: Duration = Duration::from_millis(300);

/// The folders whose files are the tree's sources: the articles' and the pictures' (not their
/// copies, in a folder below). The manifest is watched too; the indexes `index` writes are not.
const WATCHED: &[&str] = &["content/articles", "media"];

/// Each watched file's name, time and size.
type Fingerprint = Vec<(PathBuf, Option<SystemTime>, u64)>;

fn fingerprint(root: &Path) -> Fingerprint {
    let mut files: Fingerprint = WATCHED
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
        })
        .filter_map(|entry| {
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some((entry.path(), meta.modified().ok(), meta.len()))
        })
        .chain(
            std::fs::metadata(root.join(paths::MANIFEST))
                .ok()
                .map(|m| (root.join(paths::MANIFEST), m.modified().ok(), m.len())),
        )
        .collect();
    files.sort();
    files
}

/// Indexes the tree, then again after each change, until the process is stopped. A problem is
/// reported and the watch goes on: the editor fixes the file and saves it again.
/// With `cache`, each index converts only the Markdown and reads for search only the articles
/// that changed since the last (see [`crate::cli::index`]).
pub fn run(root: &Path, preview: bool, cache: Option<&Path>) -> Result<String, PublishError> {
    let mut seen: Option<Fingerprint> = None;
    loop {
        // Taken before indexing, so that a save made while it runs is seen next time. The
        // article JSON that indexing writes shows as a change once; indexing again writes no
        // article, and the watch settles.
        let now = fingerprint(root);
        if seen.as_ref() != Some(&now) {
            seen = Some(now);
            match crate::cli::index(root, preview, cache) {
                Ok(done) => eprintln!("[tintuc-content] {done}"),
                Err(problem) => eprintln!("[tintuc-content] not published:\n{problem}"),
            }
        }
        std::thread::sleep(POLL);
    }
}
