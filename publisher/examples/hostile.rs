//! Writes the hostile content files (see `tintuc_publisher::hostile`) into a release folder, for
//! the end-to-end tests to serve: `cargo run -p tintuc-publisher --example hostile -- DIR`.

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hostile DIR (a release folder, or any folder holding content/)");
        std::process::exit(2);
    };
    if let Err(e) = tintuc_publisher::hostile::write(std::path::Path::new(&dir)) {
        eprintln!("hostile: {e}");
        std::process::exit(1);
    }
}
