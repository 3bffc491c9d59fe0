//! Doing again only what an edit changed. A newsroom's archive holds tens of thousands of
//! articles; after one of them is edited, the tool rewrites only the files whose content differs
//! (so a host synchronised by date or content uploads only those) and renders again only the
//! pages whose inputs differ, reusing the others from a cache kept between runs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// FNV-1a (64 bits) of `bytes`: a stable hash, the same on any machine and toolchain, so that
/// the same content always has the same name and `check` can compare what it rebuilds.
pub fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// [`fnv1a`] of `bytes`, in hex.
pub fn fnv1a_hex(bytes: impl Iterator<Item = u8>) -> String {
    format!("{:016x}", fnv1a(bytes))
}

/// [`fnv1a_hex`] of several parts, each after its length, so that no two different lists of
/// parts hash their bytes the same way (`["ab", "c"]` and `["a", "bc"]` do not).
pub fn hash_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    fnv1a_hex(parts.into_iter().flat_map(|part| {
        (part.len() as u64)
            .to_le_bytes()
            .into_iter()
            .chain(part.iter().copied())
    }))
}

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

/// Writes `text` at `path`, creating the folders on the way.
pub fn write_creating_folders(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

/// `path` with `.partial` added to its name: where a file is written before it is renamed into
/// place, so that a run stopped half way leaves the old file or the new one, never half of one.
fn partial(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// Writes `text` at `path` whole or not at all (see [`partial`]).
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let partial = partial(path);
    write_creating_folders(&partial, text)?;
    std::fs::rename(&partial, path)
}

/// Every file below `root/dir`, as paths relative to `root` with `/`, sorted; none when the
/// folder does not exist.
pub fn files_below(root: &Path, dir: &str) -> std::io::Result<Vec<String>> {
    fn walk(root: &Path, rel: &str, out: &mut Vec<String>) -> std::io::Result<()> {
        let entries = match std::fs::read_dir(root.join(rel)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let path = format!("{rel}/{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                walk(root, &path, out)?;
            } else {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Removes every file below `root/dir` whose path (as [`files_below`] gives it) is not in
/// `keep`, then the folders left empty. How many files it removed.
pub fn remove_others(root: &Path, dir: &str, keep: &BTreeSet<String>) -> std::io::Result<usize> {
    let mut removed = 0;
    for path in files_below(root, dir)? {
        if !keep.contains(&path) {
            std::fs::remove_file(root.join(&path))?;
            removed += 1;
            if let Some((folder, _)) = path.rsplit_once('/') {
                // Only when empty: a folder that still holds a kept file stays.
                let _ = std::fs::remove_dir(root.join(folder));
            }
        }
    }
    Ok(removed)
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

/// Copies `from` to `to`, creating the folders on the way. A copy, not a second name for the
/// same file, because later steps of the build rewrite some pages in place, and a cached page
/// must not change with them.
fn copy_creating_folders(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(from, to).map(|_| ())
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
        copy_creating_folders(&copy, &path)?;
        self.record(dist, page, key);
        Ok(true)
    }

    /// Keeps the page just written at `page`, made from inputs hashed as `key`.
    pub fn store(&mut self, dist: &Path, page: &str, key: &str) -> std::io::Result<()> {
        let copy = self.copy_path(key);
        let partial = partial(&copy);
        copy_creating_folders(&dist.join(page), &partial)?;
        std::fs::rename(&partial, &copy)?;
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
        for (page, entry) in self
            .ledger
            .iter()
            .filter(|(p, _)| !self.now.contains_key(*p))
        {
            // Only a page of the release folder, as this cache wrote it: a damaged ledger must
            // not remove another file.
            let path = dist.join(page);
            let inside = Path::new(page)
                .components()
                .all(|part| matches!(part, std::path::Component::Normal(_)));
            if inside && stamp(&path) == Some((entry.bytes, entry.modified)) {
                std::fs::remove_file(&path)?;
                removed += 1;
            }
        }
        let used: BTreeSet<&str> = self.now.values().map(|e| e.key.as_str()).collect();
        for group in std::fs::read_dir(self.dir.join(COPIES))
            .into_iter()
            .flatten()
        {
            let group = group?;
            if !group.file_type()?.is_dir() {
                continue;
            }
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
        write_atomically(&self.dir.join(LEDGER), &text)?;
        Ok(removed)
    }
}
