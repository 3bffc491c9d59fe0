//! The command line of `tintuc-content`, parsed into a [`Command`] and run.

use crate::catalog::{check, disk};
use crate::error::PublishError;
use std::path::{Path, PathBuf};
use tintuc::content::{paths, Article};
use tintuc::format::Timestamp;

/// What the tool was asked to do.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Make the JSON of the Markdown articles under `root`, then rebuild its index files;
    /// drafts and scheduled articles too with `preview`. With `cache`, Markdown known unchanged
    /// is not converted again, and the search index is updated from the one already there
    /// rather than built whole.
    Index {
        root: PathBuf,
        preview: bool,
        cache: Option<PathBuf>,
    },
    /// Index again each time a file of the tree under `root` changes, until stopped.
    Watch {
        root: PathBuf,
        preview: bool,
        cache: Option<PathBuf>,
    },
    /// Start a Markdown article in `section`, its slug made from `title`.
    New {
        root: PathBuf,
        section: String,
        title: String,
    },
    /// Make the resized copies of the pictures of the site under `root`, keeping them in
    /// `cache` between builds, and list them on the pictures.
    Images { root: PathBuf, cache: PathBuf },
    /// Write the Markdown of the JSON article `slug`, for a newsroom moving to Markdown.
    ToMarkdown { root: PathBuf, slug: String },
    /// Report every inconsistency of the tree under `root`.
    Check { root: PathBuf },
    /// Write a synthetic tree of `per_section` articles per section, then index it.
    Generate {
        root: PathBuf,
        per_section: usize,
        seed: u64,
        page_size: Option<u32>,
        /// Write the articles as Markdown, as a newsroom keeps them, instead of JSON.
        markdown: bool,
    },
    /// Write every page of the release folder `dist`, deployed under `base`; with `cache`,
    /// only those whose content changed since an earlier run with the same cache.
    Render {
        dist: PathBuf,
        base: String,
        cache: Option<PathBuf>,
    },
    /// Write only the feeds, the sitemap and robots.txt of the release folder `dist`.
    Feeds { dist: PathBuf, base: String },
}

/// The flags that take a value.
const VALUED_FLAGS: &[&str] = &["--per-section", "--seed", "--page-size", "--dir", "--cache"];

impl Command {
    pub fn parse(args: &[String]) -> Result<Command, PublishError> {
        let usage = |why: &str| PublishError::Usage(why.to_string());
        // The words that are not flags nor the values of flags, after the command's name.
        let positional: Vec<&String> = {
            let mut words = Vec::new();
            let mut rest = args.iter().skip(1);
            while let Some(word) = rest.next() {
                if VALUED_FLAGS.contains(&word.as_str()) {
                    rest.next();
                } else if !word.starts_with("--") {
                    words.push(word);
                }
            }
            words
        };
        // The site's folder: the first word, or `--dir`, or public/.
        let given_dir = args
            .iter()
            .position(|a| a == "--dir")
            .and_then(|i| args.get(i + 1))
            .cloned();
        let dir = |i: usize| {
            PathBuf::from(
                positional
                    .get(i - 1)
                    .map(|s| s.to_string())
                    .or(given_dir.clone())
                    .unwrap_or_else(|| "public".to_string()),
            )
        };
        let preview = args.iter().any(|a| a == "--preview");
        let flag = |name: &str| -> Result<Option<&String>, PublishError> {
            match args.iter().position(|a| a == name) {
                None => Ok(None),
                Some(i) => args
                    .get(i + 1)
                    .map(Some)
                    .ok_or_else(|| usage(&format!("{name} needs a value"))),
            }
        };
        let site_dir = || flag("--dir").map(|d| PathBuf::from(d.map_or("public", String::as_str)));
        fn number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, PublishError> {
            text.parse()
                .map_err(|_| PublishError::Usage(format!("{name}: not a number: {text}")))
        }
        match args.first().map(String::as_str) {
            Some("index") => Ok(Command::Index {
                root: dir(1),
                preview,
                cache: flag("--cache")?.map(PathBuf::from),
            }),
            Some("watch") => Ok(Command::Watch {
                root: dir(1),
                preview,
                cache: flag("--cache")?.map(PathBuf::from),
            }),
            Some("new") => match &positional[..] {
                [section, title] => Ok(Command::New {
                    root: site_dir()?,
                    section: section.to_string(),
                    title: title.to_string(),
                }),
                _ => Err(usage("new needs SECTION and \"TITLE\" (quoted)")),
            },
            Some("images") => Ok(Command::Images {
                root: dir(1),
                cache: PathBuf::from(flag("--cache")?.map_or("target/image-cache", String::as_str)),
            }),
            Some("to-markdown") => match &positional[..] {
                [slug] => Ok(Command::ToMarkdown {
                    root: site_dir()?,
                    slug: slug.to_string(),
                }),
                _ => Err(usage("to-markdown needs SLUG")),
            },
            Some("check") => Ok(Command::Check { root: dir(1) }),
            Some("generate") => Ok(Command::Generate {
                root: PathBuf::from(
                    positional
                        .first()
                        .ok_or_else(|| usage("generate needs DIR"))?,
                ),
                per_section: number(
                    "--per-section",
                    flag("--per-section")?.ok_or_else(|| usage("--per-section is required"))?,
                )?,
                seed: flag("--seed")?.map_or(Ok(1), |s| number("--seed", s))?,
                page_size: flag("--page-size")?
                    .map(|s| number("--page-size", s))
                    .transpose()?,
                markdown: args.iter().any(|a| a == "--markdown"),
            }),
            Some("feeds") => Ok(Command::Feeds {
                dist: PathBuf::from(
                    positional
                        .first()
                        .ok_or_else(|| usage("feeds needs DIST"))?,
                ),
                base: tintuc::fetch::normalise_base(positional.get(1).map_or("/", |s| s.as_str())),
            }),
            Some("render") => Ok(Command::Render {
                dist: PathBuf::from(
                    positional
                        .first()
                        .ok_or_else(|| usage("render needs DIST"))?,
                ),
                base: tintuc::fetch::normalise_base(positional.get(1).map_or("/", |s| s.as_str())),
                cache: flag("--cache")?.map(PathBuf::from),
            }),
            Some(other) => Err(usage(&format!("unknown command: {other}"))),
            None => Err(usage("no command")),
        }
    }

    /// Runs the command; what it did, in a line for the terminal.
    pub fn run(self) -> Result<String, PublishError> {
        match self {
            Command::Index {
                root,
                preview,
                cache,
            } => index(&root, preview, cache.as_deref()),
            Command::Watch {
                root,
                preview,
                cache,
            } => crate::watch::run(&root, preview, cache.as_deref()),
            Command::New {
                root,
                section,
                title,
            } => new_article(&root, &section, &title),
            Command::ToMarkdown { root, slug } => to_markdown(&root, &slug),
            Command::Images { root, cache } => {
                let made = crate::images::make(&root, &cache)?;
                Ok(format!(
                    "{} pictures, {} copies ({} made now, the rest from {})",
                    made.pictures,
                    made.copies,
                    made.encoded,
                    cache.display()
                ))
            }
            Command::Check { root } => {
                let mut problems = crate::markdown::problems(&root, crate::markdown::now());
                let (tree, loaded) = disk::load_tree(&root);
                problems.extend(loaded);
                problems.extend(check(&tree));
                let articles: Vec<Article> = tree.articles.values().cloned().collect();
                if let Some(manifest) = &tree.manifest {
                    problems.extend(crate::images::problems(&root, manifest, &articles));
                }
                problems.extend(crate::search::problems(&root, &articles));
                if !problems.is_empty() {
                    return Err(PublishError::Content(problems));
                }
                Ok(format!(
                    "{}: {} articles, {} section pages, consistent",
                    root.display(),
                    tree.articles.len(),
                    tree.pages.len()
                ))
            }
            Command::Generate {
                root,
                per_section,
                seed,
                page_size,
                markdown,
            } => generate(&root, per_section, seed, page_size, markdown),
            Command::Feeds { dist, base } => {
                let (tree, problems) = disk::load_tree(&dist);
                let manifest = match (tree.manifest.clone(), problems.is_empty()) {
                    (Some(manifest), true) => manifest,
                    _ => return Err(PublishError::Content(problems)),
                };
                let site = tintuc::site::Site::new(manifest, base);
                let written = crate::feeds::write(&dist, &site, &tree)?;
                Ok(format!(
                    "{} feeds, {} sitemap files written under {}",
                    written.feeds,
                    written.sitemap_files,
                    dist.display()
                ))
            }
            Command::Render { dist, base, cache } => {
                let written = crate::render::write_all(&dist, &base, cache.as_deref())?;
                let feeds = match written.feeds.feeds {
                    0 => "no feeds nor sitemap: site.json gives no `url`".to_string(),
                    n => format!("{n} feeds, {} sitemap files", written.feeds.sitemap_files),
                };
                let removed = match written.removed {
                    0 => String::new(),
                    n => format!(", {n} pages of articles no longer published removed"),
                };
                Ok(format!(
                    "{} pages under {} ({} rendered, {} unchanged since the last render{removed}); \
                     {feeds}",
                    written.pages,
                    dist.display(),
                    written.pages - written.reused,
                    written.reused,
                ))
            }
        }
    }
}

/// Every article of the tree made from its Markdown, then the index files; what was done, in a
/// line.
pub fn index(root: &Path, preview: bool, cache: Option<&Path>) -> Result<String, PublishError> {
    let converted = crate::markdown::publish(root, crate::markdown::now(), preview, cache)
        .map_err(PublishError::Content)?;
    let (manifest, articles) = disk::read_sources(root).map_err(PublishError::Content)?;
    let (written, search) = disk::write_indexes(root, &manifest, &articles, cache)
        .map_err(|e| PublishError::io(root, e))?;
    let known = match converted.known {
        0 => String::new(),
        n => format!(", {n} known unchanged and not converted again"),
    };
    let held = match converted.held {
        0 => String::new(),
        n if preview => format!(", {n} drafts or scheduled among them (preview)"),
        n => format!(", {n} drafts or scheduled left out"),
    };
    Ok(format!(
        "{} articles ({} from Markdown written{known}{held}), {written} index files written under {} \
         (search index: {} of them read)",
        articles.len(),
        converted.written,
        root.display(),
        search.read
    ))
}

fn read_manifest(root: &Path) -> Result<tintuc::content::Manifest, PublishError> {
    let path = root.join(paths::MANIFEST);
    let text = std::fs::read_to_string(&path).map_err(|e| PublishError::io(&path, e))?;
    tintuc::fetch::decode_manifest(paths::MANIFEST, &text)
        .map_err(|e| PublishError::Content(vec![format!("{}: {e}", path.display())]))
}

fn new_article(root: &Path, section: &str, title: &str) -> Result<String, PublishError> {
    let manifest = read_manifest(root)?;
    let Some(section) = manifest.section(section) else {
        let known: Vec<&str> = manifest.sections.iter().map(|s| s.slug.as_str()).collect();
        return Err(PublishError::Usage(format!(
            "no section `{section}`; the sections are: {}",
            known.join(", ")
        )));
    };
    let slug = crate::catalog::slugify(title);
    if slug.is_empty() {
        return Err(PublishError::Usage(format!(
            "the title `{title}` has no letters or digits to make an address from"
        )));
    }
    let dir = root.join("content/articles");
    let path = dir.join(format!("{slug}.{}", crate::markdown::EXTENSION));
    for taken in [&path, &dir.join(format!("{slug}.json"))] {
        if taken.exists() {
            return Err(PublishError::Usage(format!(
                "{} already exists: give the new article another title, or edit that one",
                taken.display()
            )));
        }
    }
    let text =
        crate::markdown::new_article(section, title, crate::markdown::now(), manifest.timezone);
    std::fs::create_dir_all(&dir).map_err(|e| PublishError::io(&dir, e))?;
    std::fs::write(&path, text).map_err(|e| PublishError::io(&path, e))?;
    Ok(format!(
        "{} started (a draft until you remove `draft: true`); its address will be /{}/{slug}",
        path.display(),
        section.slug
    ))
}

fn to_markdown(root: &Path, slug: &str) -> Result<String, PublishError> {
    let rel = paths::article(slug);
    let json = root.join(&rel);
    let bytes = std::fs::read(&json).map_err(|e| PublishError::io(&json, e))?;
    let article: Article =
        disk::decode(&bytes).map_err(|e| PublishError::Content(vec![format!("{rel}: {e}")]))?;
    let path = json.with_extension(crate::markdown::EXTENSION);
    if path.exists() {
        return Err(PublishError::Usage(format!(
            "{} already exists",
            path.display()
        )));
    }
    let text = crate::markdown::to_markdown(&article, false);
    // Written only when it makes the same article again, so that nothing is lost on the way.
    let again = crate::markdown::convert(&rel, slug, &text, root).map_err(PublishError::Content)?;
    if again.article != article {
        return Err(PublishError::Content(vec![format!(
            "{rel}: its Markdown would not make the same article (a picture whose size differs \
             from its file, or text the format keeps but Markdown cannot); left as JSON"
        )]));
    }
    std::fs::write(&path, text).map_err(|e| PublishError::io(&path, e))?;
    Ok(format!("{} written; edit it from now on", path.display()))
}

fn generate(
    root: &Path,
    per_section: usize,
    seed: u64,
    page_size: Option<u32>,
    markdown: bool,
) -> Result<String, PublishError> {
    // The tree's own manifest (an English edition's, say), or the sample site's for a new tree.
    let sample_manifest = Path::new("public").join(paths::MANIFEST);
    let own_manifest = root.join(paths::MANIFEST);
    let (manifest_path, manifest_text) = match std::fs::read_to_string(&own_manifest) {
        Ok(text) => (own_manifest.clone(), text),
        Err(_) => (
            sample_manifest.clone(),
            std::fs::read_to_string(&sample_manifest)
                .map_err(|e| PublishError::io(&sample_manifest, e))?,
        ),
    };
    let mut manifest = tintuc::fetch::decode_manifest(paths::MANIFEST, &manifest_text)
        .map_err(|e| PublishError::Content(vec![format!("{}: {e}", manifest_path.display())]))?;
    let manifest_text = match page_size {
        Some(size) => {
            manifest.page_size = size;
            to_json(&manifest)
        }
        None => manifest_text,
    };
    let newest = Timestamp::parse("2020-07-19T17:00:00+07:00")
        .ok_or_else(|| PublishError::Template("bad start time".into()))?;
    let articles: Vec<Article> = crate::sample::articles(
        &manifest.sections,
        per_section,
        newest,
        seed,
        &manifest.language,
    );

    let articles_dir = root.join("content/articles");
    std::fs::create_dir_all(&articles_dir).map_err(|e| PublishError::io(&articles_dir, e))?;
    std::fs::write(&own_manifest, &manifest_text)
        .map_err(|e| PublishError::io(&own_manifest, e))?;
    for article in &articles {
        let (path, text) = if markdown {
            let path =
                articles_dir.join(format!("{}.{}", article.slug, crate::markdown::EXTENSION));
            (path, crate::markdown::to_markdown(article, false))
        } else {
            (
                articles_dir.join(format!("{}.json", article.slug)),
                to_json(article),
            )
        };
        std::fs::write(&path, text).map_err(|e| PublishError::io(&path, e))?;
    }
    let indexed = index(root, false, None)?;
    Ok(format!("{} articles generated; {indexed}", articles.len()))
}

/// Pretty JSON of a content value, as the sources are kept.
pub(crate) fn to_json(value: &impl serde::Serialize) -> String {
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_each_command_and_names_what_is_wrong() {
        assert_eq!(
            Command::parse(&args("check")).unwrap(),
            Command::Check {
                root: "public".into()
            }
        );
        assert_eq!(
            Command::parse(&args("render dist tin")).unwrap(),
            Command::Render {
                dist: "dist".into(),
                base: "/tin/".into(),
                cache: None,
            }
        );
        assert_eq!(
            Command::parse(&args("generate x --per-section 5 --page-size 50")).unwrap(),
            Command::Generate {
                root: "x".into(),
                per_section: 5,
                seed: 1,
                page_size: Some(50),
                markdown: false,
            }
        );
        let wrong = Command::parse(&args("generate x --per-section five")).unwrap_err();
        assert!(
            wrong
                .to_string()
                .contains("--per-section: not a number: five"),
            "{wrong}"
        );
        assert!(Command::parse(&args("generate x --seed")).is_err());
        assert!(Command::parse(&args("publish"))
            .unwrap_err()
            .to_string()
            .contains("unknown command"));
    }
}
