//! The browser entry point: report panics to the console, then start the app.

fn main() {
    console_error_panic_hook::set_once();
    // Built by trunk with `hydrate`; the native build of the crate (for the publisher) has no
    // browser to start in.
    #[cfg(feature = "hydrate")]
    tintuc::start();
}
