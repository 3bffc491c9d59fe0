//! `tintuc-content`: the publisher's tool for a content tree.
//!
//! ```text
//! tintuc-content index    [DIR]   rebuild section pages and home.json from the articles
//! tintuc-content check    [DIR]   report every inconsistency; exit 1 if there is one
//! tintuc-content generate DIR --per-section N [--seed S] [--page-size P]
//!                                 write a synthetic tree (manifest of public/ and N sample
//!                                 articles per section), then index it
//! tintuc-content prerender DIST [PUBLIC_URL]
//!                                 write an HTML page for each article and section page of
//!                                 the release folder DIST
//! ```
//! DIR is the folder that holds `content/` (default `public`).

// A command-line tool: on the browser target (built by `--all-targets` lints) it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use tintuc::catalog::{check, disk};
    use tintuc::content::{paths, Article};
    use tintuc::format::Timestamp;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let dir = |i: usize| PathBuf::from(args.get(i).map_or("public", String::as_str));
        let result = match args.first().map(String::as_str) {
            Some("index") => index(&dir(1)),
            Some("check") => run_check(&dir(1)),
            Some("generate") => generate(&args[1..]),
            Some("prerender") => prerender(&args[1..]),
            _ => Err(USAGE.to_string()),
        };
        match result {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
    }

    const USAGE: &str = "usage: tintuc-content index [DIR] | check [DIR] | generate DIR --per-section N [--seed S] [--page-size P] | prerender DIST [PUBLIC_URL]";

    fn index(root: &Path) -> Result<String, String> {
        let (manifest, articles) = disk::read_sources(root).map_err(|p| p.join("\n"))?;
        let written = disk::write_indexes(root, &manifest, &articles).map_err(|e| e.to_string())?;
        Ok(format!(
            "{} articles, {written} index files written under {}",
            articles.len(),
            root.display()
        ))
    }

    fn prerender(args: &[String]) -> Result<String, String> {
        let dist = PathBuf::from(args.first().ok_or(USAGE)?);
        let base = tintuc::fetch::normalise_base(args.get(1).map_or("/", String::as_str));
        let written = tintuc::prerender::write_all(&dist, &base)?;
        Ok(format!(
            "{written} pages prerendered under {}",
            dist.display()
        ))
    }

    fn run_check(root: &Path) -> Result<String, String> {
        let (tree, mut problems) = disk::load_tree(root);
        problems.extend(check(&tree));
        if problems.is_empty() {
            Ok(format!(
                "{}: {} articles, {} section pages, consistent",
                root.display(),
                tree.articles.len(),
                tree.pages.len()
            ))
        } else {
            Err(problems.join("\n"))
        }
    }

    fn generate(args: &[String]) -> Result<String, String> {
        let root = PathBuf::from(args.first().ok_or(USAGE)?);
        let flag = |name: &str| {
            args.iter()
                .position(|a| a == name)
                .and_then(|i| args.get(i + 1))
        };
        let per_section: usize = flag("--per-section")
            .ok_or(USAGE)?
            .parse()
            .map_err(|_| USAGE)?;
        let seed: u64 = flag("--seed")
            .map_or(Ok(1), |s| s.parse())
            .map_err(|_| USAGE)?;
        let page_size: Option<u32> = flag("--page-size")
            .map(|s| s.parse())
            .transpose()
            .map_err(|_| USAGE)?;

        let manifest_text = std::fs::read_to_string(Path::new("public").join(paths::MANIFEST))
            .or_else(|_| std::fs::read_to_string(root.join(paths::MANIFEST)))
            .map_err(|e| format!("{}: {e}", paths::MANIFEST))?;
        let mut manifest = tintuc::fetch::decode_manifest(paths::MANIFEST, &manifest_text)
            .map_err(|e| e.to_string())?;
        let manifest_text = match page_size {
            Some(size) => {
                manifest.page_size = size;
                serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n"
            }
            None => manifest_text,
        };
        let newest = Timestamp::parse("2020-07-19T17:00:00+07:00").ok_or("bad start time")?;
        let articles: Vec<Article> =
            tintuc::sample::articles(&manifest.sections, per_section, newest, seed);

        let articles_dir = root.join("content/articles");
        std::fs::create_dir_all(&articles_dir).map_err(|e| e.to_string())?;
        std::fs::write(root.join(paths::MANIFEST), &manifest_text).map_err(|e| e.to_string())?;
        for article in &articles {
            let json = serde_json::to_string_pretty(article).map_err(|e| e.to_string())? + "\n";
            std::fs::write(articles_dir.join(format!("{}.json", article.slug)), json)
                .map_err(|e| e.to_string())?;
        }
        let (manifest, all) = disk::read_sources(&root).map_err(|p| p.join("\n"))?;
        let written = disk::write_indexes(&root, &manifest, &all).map_err(|e| e.to_string())?;
        Ok(format!(
            "{} articles generated, {} in the tree, {written} index files under {}",
            articles.len(),
            all.len(),
            root.display()
        ))
    }
}
