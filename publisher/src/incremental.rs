//! Doing again only what an edit changed. A newsroom's archive holds tens of thousands of
//! articles; after one of them is edited, the tool rewrites only the files whose content differs
//! (so a host synchronised by date or content uploads only those) and renders again only the
//! pages whose inputs differ, reusing the others from a cache kept between runs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Writes `text` to `path` unless the file already holds exactly it, so that an unchanged file
/// keeps its date; creates the folders on the way. Whether it wrote.
pub fn write_if_changed(path: &Path, text: &str) -> std::io::Result<bool> {
    let same = std::fs::metadata(path).is_ok_and(|m| m.len() == text.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == text.as_bytes());
    if same {
        return Ok(false);
    }
    write_creating_folders(path, text)?;
    Ok(true)
}

/// Removes every file below `dir` whose path (relative to `root`, with `/`) is not in `keep`,
/// then the folders left empty. How many files it removed.
pub fn remove_others(root: &Path, dir: &str, keep: &BTreeSet<String>) -> std::io::Result<usize> {
    fn walk(root: &Path, rel: &str, keep: &BTreeSet<String>) -> std::io::Result<usize> {
        let mut removed = 0;
        let entries = match std::fs::read_dir(root.join(rel)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let path = format!("{rel}/{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                removed += walk(root, &path, keep)?;
                // Only when empty: a folder that still holds a kept file stays.
                let _ = std::fs::remove_dir(entry.path());
            } else if !keep.contains(&path) {
                std::fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
    walk(root, dir, keep)
}

/// This tool's own program, by the size and time of its file: what a version of the tool made
/// (a page rendered by other components, an index by other rules) is never taken for this
/// version's. Building the tool again gives it another identity.
pub fn tool_identity() -> String {
    let stamp = std::env::current_exe().ok().and_then(|path| stamp(&path));
    match stamp {
        Some((bytes, modified)) => format!("{bytes}-{modified}"),
        // Unknown: nothing an earlier run made is trusted.
        None => format!("unknown-{:?}", SystemTime::now()),
    }
}

/// The pages an earlier `render` wrote, kept in a folder between runs: a copy of each page by
/// the hash of everything it was made from, and a ledger of the release folder's pages (the
/// hash each was made from, and its size and date when written).
///
/// A page whose inputs have the same hash is taken from here: left as it is when the release
/// folder still holds the very file, otherwise copied in. The release folder may be made anew
/// for each build (trunk does so), and its pages come back from the copies.
pub struct PageCache {
    dir: PathBuf,
    ledger: BTreeMap<String, Entry>,
    /// This run's entries, by page; the ledger once saved.
    now: BTreeMap<String, Entry>,
}

#[derive(Clone, PartialEq)]
struct Entry {
    key: String,
    bytes: u64,
    /// The file's modification time, in nanoseconds since 1970.
    modified: u128,
}

/// Copies `from` to `to` under another name, then renames it: a run stopped half way leaves no
/// half a page. A copy, not a second name for the same file, because later steps of the build
/// rewrite some pages in place, and a cached page must not change with them.
fn copy_new(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut partial = to.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::copy(from, &partial)?;
    std::fs::rename(&partial, to)
}

/// Writes `text` at `path`, creating the folders on the way.
pub fn write_creating_folders(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

const LEDGER: &str = "pages.tsv";
const COPIES: &str = "pages";

/// A file's size and modification time (in nanoseconds since 1970).
pub fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), modified))
}

impl PageCache {
    /// The cache in `dir`; empty when it does not exist yet or its ledger is unreadable (a
    /// damaged cache costs a full render, never a wrong page).
    pub fn open(dir: &Path) -> PageCache {
        let ledger = std::fs::read_to_string(dir.join(LEDGER))
            .unwrap_or_default()
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let page = fields.next()?.to_string();
                let entry = Entry {
                    key: fields.next()?.to_string(),
                    bytes: fields.next()?.parse().ok()?,
                    modified: fields.next()?.parse().ok()?,
                };
                Some((page, entry))
            })
            .collect();
        PageCache {
            dir: dir.to_path_buf(),
            ledger,
            now: BTreeMap::new(),
        }
    }

    fn copy_path(&self, key: &str) -> PathBuf {
        self.dir.join(COPIES).join(&key[..2]).join(key)
    }

    /// Puts the page `page` (relative to `dist`) made from inputs hashed as `key` in place
    /// without rendering it, if an earlier run made it; `false` when it must be rendered.
    pub fn reuse(&mut self, dist: &Path, page: &str, key: &str) -> std::io::Result<bool> {
        let path = dist.join(page);
        if let (Some(entry), Some((bytes, modified))) = (self.ledger.get(page), stamp(&path)) {
            if entry.key == key && entry.bytes == bytes && entry.modified == modified {
                self.now.insert(page.to_string(), entry.clone());
                return Ok(true);
            }
        }
        let copy = self.copy_path(key);
        if !copy.exists() {
            return Ok(false);
        }
        copy_new(&copy, &path)?;
        self.record(dist, page, key);
        Ok(true)
    }

    /// Keeps the page just written at `page`, made from inputs hashed as `key`.
    pub fn store(&mut self, dist: &Path, page: &str, key: &str) -> std::io::Result<()> {
        let copy = self.copy_path(key);
        copy_new(&dist.join(page), &copy)?;
        self.record(dist, page, key);
        Ok(())
    }

    fn record(&mut self, dist: &Path, page: &str, key: &str) {
        if let Some((bytes, modified)) = stamp(&dist.join(page)) {
            let entry = Entry {
                key: key.to_string(),
                bytes,
                modified,
            };
            self.now.insert(page.to_string(), entry);
        }
    }

    /// Saves the ledger of this run's pages; removes from `dist` the pages an earlier run wrote
    /// that this one did not (an article taken down), and the copies no page uses any more.
    /// How many pages it removed.
    pub fn finish(self, dist: &Path) -> std::io::Result<usize> {
        let mut removed = 0;
        for page in self.ledger.keys().filter(|p| !self.now.contains_key(*p)) {
            match std::fs::remove_file(dist.join(page)) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        let used: BTreeSet<&str> = self.now.values().map(|e| e.key.as_str()).collect();
        for group in std::fs::read_dir(self.dir.join(COPIES))
            .into_iter()
            .flatten()
        {
            let group = group?;
            for copy in std::fs::read_dir(group.path())?.flatten() {
                if !used.contains(copy.file_name().to_string_lossy().as_ref()) {
                    std::fs::remove_file(copy.path())?;
                }
            }
        }
        let mut text = String::new();
        for (page, entry) in &self.now {
            text.push_str(&format!(
                "{page}\t{}\t{}\t{}\n",
                entry.key, entry.bytes, entry.modified
            ));
        }
        std::fs::create_dir_all(&self.dir)?;
        let partial = self.dir.join(format!("{LEDGER}.partial"));
        std::fs::write(&partial, text)?;
        std::fs::rename(&partial, self.dir.join(LEDGER))?;
        Ok(removed)
    }
}
