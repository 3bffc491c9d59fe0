//! The command line of `tintuc-content`, parsed into a [`Command`] and run.

use crate::catalog::{check, disk};
use crate::error::PublishError;
use std::path::{Path, PathBuf};
use tintuc::content::{paths, Article};
use tintuc::format::Timestamp;

/// What the tool was asked to do.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Rebuild the index files of the tree under `root`.
    Index { root: PathBuf },
    /// Report every inconsistency of the tree under `root`.
    Check { root: PathBuf },
    /// Write a synthetic tree of `per_section` articles per section, then index it.
    Generate {
        root: PathBuf,
        per_section: usize,
        seed: u64,
        page_size: Option<u32>,
    },
    /// Write every page of the release folder `dist`, deployed under `base`.
    Render { dist: PathBuf, base: String },
}

impl Command {
    pub fn parse(args: &[String]) -> Result<Command, PublishError> {
        let usage = |why: &str| PublishError::Usage(why.to_string());
        let dir = |i: usize| PathBuf::from(args.get(i).map_or("public", String::as_str));
        let flag = |name: &str| -> Result<Option<&String>, PublishError> {
            match args.iter().position(|a| a == name) {
                None => Ok(None),
                Some(i) => args
                    .get(i + 1)
                    .map(Some)
                    .ok_or_else(|| usage(&format!("{name} needs a value"))),
            }
        };
        fn number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, PublishError> {
            text.parse()
                .map_err(|_| PublishError::Usage(format!("{name}: not a number: {text}")))
        }
        match args.first().map(String::as_str) {
            Some("index") => Ok(Command::Index { root: dir(1) }),
            Some("check") => Ok(Command::Check { root: dir(1) }),
            Some("generate") => Ok(Command::Generate {
                root: PathBuf::from(args.get(1).ok_or_else(|| usage("generate needs DIR"))?),
                per_section: number(
                    "--per-section",
                    flag("--per-section")?.ok_or_else(|| usage("--per-section is required"))?,
                )?,
                seed: flag("--seed")?.map_or(Ok(1), |s| number("--seed", s))?,
                page_size: flag("--page-size")?
                    .map(|s| number("--page-size", s))
                    .transpose()?,
            }),
            Some("render") => Ok(Command::Render {
                dist: PathBuf::from(args.get(1).ok_or_else(|| usage("render needs DIST"))?),
                base: tintuc::fetch::normalise_base(args.get(2).map_or("/", String::as_str)),
            }),
            Some(other) => Err(usage(&format!("unknown command: {other}"))),
            None => Err(usage("no command")),
        }
    }

    /// Runs the command; what it did, in a line for the terminal.
    pub fn run(self) -> Result<String, PublishError> {
        match self {
            Command::Index { root } => index(&root),
            Command::Check { root } => {
                let (tree, mut problems) = disk::load_tree(&root);
                problems.extend(check(&tree));
                let articles: Vec<Article> = tree.articles.values().cloned().collect();
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
            } => generate(&root, per_section, seed, page_size),
            Command::Render { dist, base } => {
                let written = crate::render::write_all(&dist, &base)?;
                Ok(format!("{written} pages rendered under {}", dist.display()))
            }
        }
    }
}

fn index(root: &Path) -> Result<String, PublishError> {
    let (manifest, articles) = disk::read_sources(root).map_err(PublishError::Content)?;
    let written =
        disk::write_indexes(root, &manifest, &articles).map_err(|e| PublishError::io(root, e))?;
    Ok(format!(
        "{} articles, {written} index files written under {}",
        articles.len(),
        root.display()
    ))
}

fn generate(
    root: &Path,
    per_section: usize,
    seed: u64,
    page_size: Option<u32>,
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
        let path = articles_dir.join(format!("{}.json", article.slug));
        std::fs::write(&path, to_json(article)).map_err(|e| PublishError::io(&path, e))?;
    }
    let indexed = index(root)?;
    Ok(format!("{} articles generated; {indexed}", articles.len()))
}

/// Pretty JSON of a content value, as the sources are kept.
fn to_json(value: &impl serde::Serialize) -> String {
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
                base: "/tin/".into()
            }
        );
        assert_eq!(
            Command::parse(&args("generate x --per-section 5 --page-size 50")).unwrap(),
            Command::Generate {
                root: "x".into(),
                per_section: 5,
                seed: 1,
                page_size: Some(50)
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
