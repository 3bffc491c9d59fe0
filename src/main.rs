//! The browser entry point: report panics to the console and the reader, then start the app.

fn main() {
    tintuc::crash::install();
    // Built by trunk with `hydrate`; the native build of the crate (for the publisher) has no
    // browser to start in.
    #[cfg(feature = "hydrate")]
    tintuc::start();
}
