//! Pictures that fit every screen: for each JPEG, PNG or WebP an article shows, the release gets
//! copies at phone and desktop widths in AVIF and in the picture's own kind of format (JPEG, or
//! PNG where it has transparency), listed on the picture as its `variants` for `srcset`. Made
//! copies are kept in a cache, by the source's content, so that a build makes only those of
//! new or changed pictures.

use crate::catalog::disk;
use crate::error::PublishError;
use image::codecs::avif::AvifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tintuc::content::{paths, safe_href, Article, Block, Image, Manifest, Variant};

/// The widths the copies are made at, as far as the picture is wide: a phone's column (480 px,
/// 960 at twice the density) and a desktop's article column at twice the density (1,600). A
/// picture narrower than the largest gets a copy at its own width too.
pub const WIDTHS: &[u32] = &[480, 960, 1600];

/// Where the copies go, below the site's base.
pub const VARIANTS_DIR: &str = "media/_v";

/// rav1e's speed (0 slowest … 10 fastest) and quality (0 … 100) for the AVIF copies; JPEG's.
const AVIF_SPEED: u8 = 8;
const AVIF_QUALITY: u8 = 60;
const JPEG_QUALITY: u8 = 80;

/// What [`make`] did.
#[derive(Debug, Default, PartialEq)]
pub struct Made {
    /// Distinct pictures given copies.
    pub pictures: usize,
    /// Copies listed (each picture's widths, in two formats).
    pub copies: usize,
    /// Copies encoded now, the others coming from the cache.
    pub encoded: usize,
}

/// The path below the site's folder of a picture the site serves itself, or `None` for one on
/// another host or one the site would not load.
fn own_file(src: &str) -> Option<&str> {
    let src = safe_href(src)?;
    (!src.contains("://")).then(|| src.trim_start_matches('/'))
}

/// The file of the site's own picture `src`, under the site's folder `root`; or under the
/// folder above it for an edition in another language, whose pictures are the main site's
/// (`../media/…`). `None` for a picture of another host, and for a path that climbs out of the
/// site: no article makes the build read another file of the machine.
pub fn site_file(root: &Path, src: &str) -> Option<PathBuf> {
    let rel = own_file(src)?;
    let (mut depth, mut lowest) = (0i32, 0i32);
    for part in rel.split(['/', '\\']) {
        match part {
            ".." => {
                depth -= 1;
                lowest = lowest.min(depth);
            }
            "" | "." => {}
            _ => depth += 1,
        }
    }
    let edition = root
        .parent()
        .is_some_and(|above| above.join(paths::MANIFEST).exists());
    (lowest >= if edition { -1 } else { 0 }).then(|| root.join(rel))
}

/// Whether copies are made of the picture at `path`: the raster formats a camera or an editor
/// produces. SVG scales by itself; a GIF may move.
fn resizable(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Every picture of `article`: its thumbnail, then its body's in order.
pub(crate) fn pictures(article: &Article) -> impl Iterator<Item = &Image> {
    article
        .thumbnail
        .iter()
        .chain(article.body.iter().filter_map(|block| match block {
            Block::Image { image, .. } => Some(image),
            _ => None,
        }))
}

/// What is wrong with the pictures of `articles` under `root`: each names the article and the
/// picture. A file that is not there, or larger than the manifest's `max_image_bytes`.
pub fn problems(root: &Path, manifest: &Manifest, articles: &[Article]) -> Vec<String> {
    let mut problems = Vec::new();
    for article in articles {
        for image in pictures(article) {
            if own_file(&image.src).is_none() {
                continue;
            }
            let at = format!("{}: picture `{}`", paths::article(&article.slug), image.src);
            let Some(file) = site_file(root, &image.src) else {
                problems.push(format!(
                    "{at}: leaves the site's folder; keep pictures in media/"
                ));
                continue;
            };
            match std::fs::metadata(file) {
                Err(_) => problems.push(format!(
                    "{at}: no such file under {} (add it to media/)",
                    root.display()
                )),
                Ok(meta) if meta.len() > manifest.max_image_bytes => problems.push(format!(
                    "{at}: is {} bytes, over the site's limit of {} (`max_image_bytes` in \
                     site.json); resize it, 2,000 pixels wide is plenty",
                    meta.len(),
                    manifest.max_image_bytes
                )),
                Ok(_) => {}
            }
        }
    }
    problems
}

/// Makes the copies of every resizable picture of the site under `root`, lists them on the
/// pictures, and writes the articles and their indexes again. `cache` keeps copies between
/// builds.
pub fn make(root: &Path, cache: &Path) -> Result<Made, PublishError> {
    let (manifest, mut articles) = disk::read_sources(root).map_err(PublishError::Content)?;
    let problems = problems(root, &manifest, &articles);
    if !problems.is_empty() {
        return Err(PublishError::Content(problems));
    }
    std::fs::create_dir_all(cache).map_err(|e| PublishError::io(cache, e))?;
    let mut made = Made::default();
    let mut known: HashMap<String, Vec<Variant>> = HashMap::new();
    for article in &mut articles {
        let rel = paths::article(&article.slug);
        let mut changed = false;
        let images = article
            .thumbnail
            .iter_mut()
            .chain(article.body.iter_mut().filter_map(|block| match block {
                Block::Image { image, .. } => Some(image),
                _ => None,
            }));
        for image in images {
            let Some(file) = own_file(&image.src).filter(|f| resizable(f)) else {
                continue;
            };
            let variants = match known.get(file) {
                Some(variants) => variants.clone(),
                None => {
                    let variants = copies(root, cache, file, &mut made).map_err(|e| {
                        PublishError::Content(vec![format!("{rel}: picture `{}`: {e}", image.src)])
                    })?;
                    made.pictures += 1;
                    made.copies += variants.len();
                    known.insert(file.to_string(), variants.clone());
                    variants
                }
            };
            if image.variants != variants {
                image.variants = variants;
                changed = true;
            }
        }
        if changed {
            let path = root.join(&rel);
            std::fs::write(&path, crate::cli::to_json(article))
                .map_err(|e| PublishError::io(&path, e))?;
        }
    }
    // The lists copy the thumbnails; the search index holds no picture.
    disk::write_lists(root, &manifest, &articles).map_err(|e| PublishError::io(root, e))?;
    Ok(made)
}

/// The widths copies of a picture `width` pixels wide are made at.
pub fn widths(width: u32) -> Vec<u32> {
    let largest = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < largest).collect();
    widths.push(largest);
    widths
}

/// A picture decoded and turned as its EXIF orientation says (a phone's photo is often stored
/// on its side), as browsers show the original.
pub fn decode_upright(bytes: &[u8]) -> image::ImageResult<DynamicImage> {
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut picture = DynamicImage::from_decoder(decoder)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// The copies of the picture `file`, made or taken from `cache`, placed under `root`.
fn copies(root: &Path, cache: &Path, file: &str, made: &mut Made) -> Result<Vec<Variant>, String> {
    let path = site_file(root, file).ok_or("leaves the site's folder")?;
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let picture = decode_upright(&bytes).map_err(|e| format!("cannot be decoded: {e}"))?;
    // A source's name, its content and how copies are made, together: a replaced picture (or
    // new settings) gets new copies, and no browser shows a copy of the old one.
    let settings = format!("{WIDTHS:?} {AVIF_SPEED} {AVIF_QUALITY} {JPEG_QUALITY}");
    let hash =
        &crate::incremental::fnv1a_hex(bytes.iter().chain(settings.as_bytes()).copied())[..12];
    let stem: String = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("anh")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let transparent = picture.color().has_alpha();
    let (fallback_ext, fallback_type) = if transparent {
        ("png", "image/png")
    } else {
        ("jpg", "image/jpeg")
    };
    let out_dir = root.join(VARIANTS_DIR);
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let mut avif = Vec::new();
    let mut fallback = Vec::new();
    for width in widths(picture.width()) {
        let mut resized: Option<DynamicImage> = None;
        for (ext, media_type, list) in [
            ("avif", "image/avif", &mut avif),
            (fallback_ext, fallback_type, &mut fallback),
        ] {
            let name = format!("{stem}-{hash}-{width}.{ext}");
            let cached = cache.join(&name);
            if !cached.exists() {
                let resized = resized.get_or_insert_with(|| {
                    let height = (u64::from(picture.height()) * u64::from(width)
                        / u64::from(picture.width().max(1)))
                    .max(1) as u32;
                    picture.resize_exact(width, height, FilterType::Lanczos3)
                });
                let encoded =
                    encode(resized, ext).map_err(|e| format!("cannot be encoded as {ext}: {e}"))?;
                // Written whole, then renamed: a build stopped half-way leaves no broken copy.
                let partial = cache.join(format!("{name}.{}.part", std::process::id()));
                std::fs::write(&partial, encoded).map_err(|e| e.to_string())?;
                std::fs::rename(&partial, &cached).map_err(|e| e.to_string())?;
                made.encoded += 1;
            }
            std::fs::copy(&cached, out_dir.join(&name)).map_err(|e| e.to_string())?;
            list.push(Variant {
                src: format!("{VARIANTS_DIR}/{name}"),
                width,
                media_type: media_type.to_string(),
            });
        }
    }
    Ok(avif.into_iter().chain(fallback).collect())
}

fn encode(picture: &DynamicImage, ext: &str) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match ext {
        "avif" => {
            let rgba = picture.to_rgba8();
            AvifEncoder::new_with_speed_quality(&mut out, AVIF_SPEED, AVIF_QUALITY).write_image(
                &rgba,
                rgba.width(),
                rgba.height(),
                image::ExtendedColorType::Rgba8,
            )?
        }
        "png" => picture.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)?,
        _ => {
            let rgb = picture.to_rgb8();
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
                &rgb,
                rgb.width(),
                rgb.height(),
                image::ExtendedColorType::Rgb8,
            )?
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_copies_no_wider_than_the_picture() {
        assert_eq!(widths(4000), [480, 960, 1600]);
        assert_eq!(widths(1600), [480, 960, 1600]);
        assert_eq!(widths(1200), [480, 960, 1200]);
        assert_eq!(widths(480), [480]);
        assert_eq!(widths(300), [300]);
    }

    #[test]
    fn knows_which_pictures_are_its_own_and_resizable() {
        assert_eq!(own_file("/media/a.JPG"), Some("media/a.JPG"));
        assert_eq!(own_file("https://x.vn/a.jpg"), None);
        assert_eq!(own_file("javascript:alert(1)"), None);
        let root = Path::new("/srv/site");
        assert_eq!(
            site_file(root, "media/a.jpg"),
            Some(root.join("media/a.jpg"))
        );
        assert_eq!(
            site_file(root, "media/../media/a.jpg"),
            Some(root.join("media/../media/a.jpg"))
        );
        assert_eq!(site_file(root, "../a.jpg"), None, "not an edition");
        assert_eq!(site_file(root, "media/../../../etc/a.jpg"), None);
        assert!(resizable("media/a.JPG") && resizable("a.webp") && resizable("a.png"));
        assert!(!resizable("media/anh-khong-con.svg") && !resizable("a.gif"));
    }
}
