//! What can stop the publisher's tool, each naming the file or the argument at fault.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The content tree has problems; each line names its file.
    #[error("{}", .0.join("\n"))]
    Content(Vec<String>),
    /// The app shell or a page could not be made into a published page.
    #[error("{0}")]
    Template(String),
    /// The command line does not say what to do.
    #[error("{0}\n{USAGE}")]
    Usage(String),
}

impl PublishError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        PublishError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

pub const USAGE: &str = "usage: tintuc-content
  index [DIR] [--preview] [--cache DIR]
                                   make the Markdown articles' JSON, then the index files
  watch [DIR] [--preview] [--cache DIR]
                                   index again at each saved change (make serve runs it)
  check [DIR]                      report every inconsistency of the tree
  new SECTION \"TITLE\" [--dir DIR]  start a Markdown article (a draft)
  to-markdown SLUG [--dir DIR]     write a JSON article as Markdown, to edit it from now on
  images [DIR] [--cache DIR]       resized copies of the pictures, for the release
  generate DIR --per-section N [--seed S] [--page-size P] [--markdown]
  render DIST [PUBLIC_URL] [--cache DIR]
                                   every page, the feeds, the sitemap and robots.txt
  feeds DIST [PUBLIC_URL]          the feeds, the sitemap and robots.txt alone
DIR is the site's folder (public by default); --preview includes drafts and scheduled articles.
With --cache, index and render keep what they made in that folder and, next time, read again
only the articles and render only the pages that changed (the output is the same).";
