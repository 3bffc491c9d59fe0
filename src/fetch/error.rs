//! What can go wrong with a content file, and reading one: the HTTP status is checked by the
//! caller, decoding keeps serde's line and column for the message.

use crate::content::{Manifest, FORMAT_VERSION};
use crate::strings::Strings;
use serde::de::DeserializeOwned;

/// Why a content file could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No response at all, and the browser knows it is offline.
    Offline {
        path: String,
    },
    /// No response at all while online: refused, dropped, or redirected to another site.
    Unreachable {
        path: String,
    },
    /// No complete answer within the time a reader is asked to wait.
    Timeout {
        path: String,
    },
    /// The file is larger than [`crate::content::limits::FILE_BYTES`].
    TooLarge {
        path: String,
        bytes: u64,
    },
    /// The answer is a web page (a host's error or login page sent as 200), not the file.
    NotJson {
        path: String,
    },
    /// The file stops before its end: the connection dropped while it came.
    Truncated {
        path: String,
    },
    NotFound {
        path: String,
    },
    Status {
        path: String,
        status: u16,
    },
    /// The body is not the JSON the format describes.
    Json {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    /// The file is in a format version this build does not read.
    Format {
        path: String,
        found: u32,
        supported: u32,
    },
    /// The reader moved on before the answer came; nothing to show.
    Aborted,
}

impl FetchError {
    /// What failed, in the reader's language, with the file named so a publisher can find it.
    pub fn message(&self, t: &Strings) -> String {
        match self {
            Self::Offline { path } => t.offline(path),
            Self::Unreachable { path } => t.unreachable(path),
            Self::Timeout { path } => t.timed_out(path),
            Self::TooLarge { path, bytes } => t.too_large(path, *bytes),
            Self::NotJson { path } => t.not_json(path),
            Self::Truncated { path } => t.truncated(path),
            Self::NotFound { path } => t.not_found(path),
            Self::Status { path, status } => t.http_status(path, *status),
            Self::Json {
                path,
                line,
                column,
                detail,
            } => t.bad_json(path, *line, *column, detail),
            Self::Format {
                path,
                found,
                supported,
            } => t.unsupported_format(path, *found, *supported),
            Self::Aborted => t.aborted.to_string(),
        }
    }
}

/// In the default language: for logs and for the publisher's tools.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::strings::DEFAULT))
    }
}

impl std::error::Error for FetchError {}

impl FetchError {
    /// True when the file is simply not there, which pages show as "not found".
    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::NotFound { .. })
    }
}

/// Decodes `text`, the body of `path`, keeping the position of the first error.
pub fn decode<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, FetchError> {
    // No content file starts with `<`: a host sent a page in its place.
    if text.trim_start().starts_with('<') {
        return Err(FetchError::NotJson {
            path: path.to_string(),
        });
    }
    serde_json::from_str(text).map_err(|e| {
        if e.is_eof() && !text.trim().is_empty() {
            return FetchError::Truncated {
                path: path.to_string(),
            };
        }
        FetchError::Json {
            path: path.to_string(),
            line: e.line(),
            column: e.column(),
            detail: crate::content::json_detail(&e),
        }
    })
}

/// Decodes the site manifest and checks its format version, once for the whole site.
pub fn decode_manifest(path: &str, text: &str) -> Result<Manifest, FetchError> {
    decode_versioned(path, text, FORMAT_VERSION)
}

/// Decodes a file whose `format` field names its version, refusing any but `supported`. The
/// version is checked first so that a newer format says so, not "missing field".
pub fn decode_versioned<T: DeserializeOwned>(
    path: &str,
    text: &str,
    supported: u32,
) -> Result<T, FetchError> {
    #[derive(serde::Deserialize)]
    struct Version {
        format: Option<u32>,
    }
    if let Ok(Version {
        format: Some(found),
    }) = serde_json::from_str::<Version>(text)
    {
        if found != supported {
            return Err(FetchError::Format {
                path: path.to_string(),
                found,
                supported,
            });
        }
    }
    decode(path, text)
}

/// A body as text, read the way `Response.text()` reads it (a byte-order mark dropped, bytes
/// that are not UTF-8 replaced), but without building a JavaScript string only to copy it back:
/// for a long list that round trip cost more than decoding the JSON.
pub fn utf8_text(mut body: Vec<u8>) -> String {
    if body.starts_with(b"\xEF\xBB\xBF") {
        body.drain(..3);
    }
    String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Article;

    #[test]
    fn reads_bodies_as_text_like_the_browser() {
        assert_eq!(utf8_text("Lượt xem".as_bytes().to_vec()), "Lượt xem");
        // Editors on Windows save JSON with a byte-order mark; it is not part of the text.
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}".to_vec()), "{}");
        assert_eq!(utf8_text(b"a\xFFb".to_vec()), "a\u{FFFD}b");
    }

    #[test]
    fn names_the_file_line_and_column_of_malformed_json() {
        let err = decode::<Article>(
            "content/articles/a.json",
            "{\n  \"slug\": \"a\",\n  oops\n}",
        )
        .unwrap_err();
        let FetchError::Json { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 3));
        let message = err.to_string();
        assert!(message.contains("content/articles/a.json"), "{message}");
        assert!(message.contains("dòng 3, cột 3"), "{message}");
    }

    #[test]
    fn tells_a_web_page_and_a_cut_off_file_from_bad_json() {
        let page = "\n<!doctype html><title>502 Bad Gateway</title>";
        assert_eq!(
            decode::<Article>("a.json", page).unwrap_err(),
            FetchError::NotJson {
                path: "a.json".into()
            }
        );
        let cut = r#"{"slug":"a","section":"s","title":"Đại h"#;
        let err = decode::<Article>("a.json", cut).unwrap_err();
        assert_eq!(
            err,
            FetchError::Truncated {
                path: "a.json".into()
            }
        );
        assert!(err.to_string().contains("a.json"), "{err}");
        // An empty body is not a file cut short: nothing of it came.
        assert!(matches!(
            decode::<Article>("a.json", "").unwrap_err(),
            FetchError::Json { .. }
        ));
    }

    #[test]
    fn names_a_missing_required_field() {
        let err = decode::<Article>("a.json", "{\"slug\":\"a\"}").unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }

    #[test]
    fn rejects_an_unsupported_format_version_before_anything_else() {
        let err = decode_manifest("content/site.json", "{\"format\":2}").unwrap_err();
        assert_eq!(
            err,
            FetchError::Format {
                path: "content/site.json".into(),
                found: 2,
                supported: 1
            }
        );
        assert!(err.to_string().contains("phiên bản 2"), "{err}");
    }

    #[test]
    fn reads_a_manifest_with_defaults() {
        let manifest = decode_manifest(
            "site.json",
            r#"{"format":1,"name":"Cổng","timezone":"+07:00","sections":[{"slug":"a","title":"A"}],"extra":true}"#,
        )
        .unwrap();
        assert_eq!(manifest.page_size, 10);
        assert_eq!(manifest.views.window_minutes, 30);
        assert_eq!(manifest.language, "vi");
    }

    #[test]
    fn a_manifest_without_a_format_version_is_refused() {
        let err = decode_manifest("site.json", r#"{"name":"x"}"#).unwrap_err();
        assert!(matches!(err, FetchError::Json { .. }), "{err:?}");
    }

    #[test]
    fn tells_not_found_from_other_failures() {
        assert!(FetchError::NotFound { path: "a".into() }.is_not_found());
        assert!(!FetchError::Status {
            path: "a".into(),
            status: 500
        }
        .is_not_found());
        assert!(FetchError::Status {
            path: "a".into(),
            status: 503
        }
        .to_string()
        .contains("503"));
    }
}
