//! `tintuc-content`: the publisher's tool for a content tree and a release folder.
//!
//! ```text
//! tintuc-content index    [DIR]   rebuild section pages and home.json from the articles
//! tintuc-content check    [DIR]   report every inconsistency; exit 1 if there is one
//! tintuc-content generate DIR --per-section N [--seed S] [--page-size P]
//!                                 write a synthetic tree (manifest of public/ and N sample
//!                                 articles per section), then index it
//! tintuc-content render   DIST [PUBLIC_URL]
//!                                 write every page of the release folder DIST with the app's
//!                                 own components, for the browser to hydrate
//! ```
//! DIR is the folder that holds `content/` (default `public`).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match tintuc_publisher::cli::Command::parse(&args).and_then(|c| c.run()) {
        Ok(message) => {
            println!("{message}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            std::process::ExitCode::FAILURE
        }
    }
}
