//! Pictures for every screen: the copies made at each width in AVIF and a fallback, listed on
//! the pictures and in the indexes, taken from the cache on the next build, and the problems
//! that name the article and the picture.

use image::{ImageBuffer, Rgb, Rgba};
use std::path::{Path, PathBuf};
use tintuc::content::{paths, Article, Block, Image, Manifest};
use tintuc_publisher::catalog::disk;
use tintuc_publisher::images::{self, Made};

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

fn picture(src: &str, width: u32, height: u32) -> Image {
    Image {
        src: src.into(),
        alt: "Ảnh".into(),
        width,
        height,
        variants: Vec::new(),
    }
}

/// A site of two articles: one with a 2,000-pixel photo as its thumbnail and first picture and a
/// 600-pixel transparent PNG after it, one showing the photo again and the SVG placeholder.
fn site(name: &str) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("tintuc-images-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content/articles")).unwrap();
    std::fs::create_dir_all(root.join("media")).unwrap();
    std::fs::copy(public().join(paths::MANIFEST), root.join(paths::MANIFEST)).unwrap();
    std::fs::copy(
        public().join("media/anh-khong-con.svg"),
        root.join("media/anh-khong-con.svg"),
    )
    .unwrap();
    ImageBuffer::from_fn(2000, 1000, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    })
    .save(root.join("media/anh.jpg"))
    .unwrap();
    ImageBuffer::from_fn(600, 300, |x, _| Rgba([200, 30, 30, (x % 256) as u8]))
        .save(root.join("media/logo.png"))
        .unwrap();
    let seed: Article = serde_json::from_str(
        &std::fs::read_to_string(public().join(paths::article(
            "dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025",
        )))
        .unwrap(),
    )
    .unwrap();
    let with = |slug: &str, thumbnail: Option<Image>, pictures: Vec<Image>| Article {
        slug: slug.into(),
        thumbnail,
        body: pictures
            .into_iter()
            .map(|image| Block::Image {
                image,
                caption: String::new(),
            })
            .collect(),
        translations: Vec::new(),
        ..seed.clone()
    };
    let articles = [
        with(
            "mot",
            Some(picture("media/anh.jpg", 2000, 1000)),
            vec![
                picture("media/anh.jpg", 2000, 1000),
                picture("/media/logo.png", 600, 300),
            ],
        ),
        with(
            "hai",
            None,
            vec![
                picture("media/anh.jpg", 2000, 1000),
                picture("media/anh-khong-con.svg", 800, 450),
            ],
        ),
    ];
    for article in &articles {
        std::fs::write(
            root.join(paths::article(&article.slug)),
            serde_json::to_string(article).unwrap(),
        )
        .unwrap();
    }
    let cache = root.join("cache");
    (root, cache)
}

fn article(root: &Path, slug: &str) -> Article {
    serde_json::from_str(&std::fs::read_to_string(root.join(paths::article(slug))).unwrap())
        .unwrap()
}

fn body_pictures(article: &Article) -> Vec<&Image> {
    article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Image { image, .. } => Some(image),
            _ => None,
        })
        .collect()
}

#[test]
fn makes_copies_at_each_width_and_lists_them_on_every_use_of_the_picture() {
    let (root, cache) = site("copies");
    let made = images::make(&root, &cache).unwrap();
    // The photo at 480, 960 and 1600; the PNG at its own 600 and at 480; each in two formats.
    assert_eq!(
        made,
        Made {
            pictures: 2,
            copies: 10,
            encoded: 10
        }
    );

    let one = article(&root, "mot");
    let photo = &body_pictures(&one)[0].variants;
    let listed: Vec<(u32, &str)> = photo
        .iter()
        .map(|v| (v.width, v.media_type.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (480, "image/avif"),
            (960, "image/avif"),
            (1600, "image/avif"),
            (480, "image/jpeg"),
            (960, "image/jpeg"),
            (1600, "image/jpeg")
        ]
    );
    for variant in photo {
        assert!(variant.src.starts_with("media/_v/anh-"), "{}", variant.src);
        // The size its header declares (image decodes no AVIF; imagesize reads the header).
        let bytes = std::fs::read(root.join(&variant.src)).unwrap();
        let size = tintuc_publisher::markdown::dimensions(&bytes);
        assert_eq!(
            size,
            Some((variant.width, variant.width / 2)),
            "{}",
            variant.src
        );
        let kind = if variant.media_type == "image/avif" {
            &bytes[4..12] == b"ftypavif"
        } else {
            image::load_from_memory(&bytes).is_ok()
        };
        assert!(kind, "{} is what it says", variant.src);
    }
    assert_eq!(
        one.thumbnail.as_ref().unwrap().variants,
        *photo,
        "the thumbnail is the same picture"
    );
    // Transparency keeps a PNG fallback.
    let logo: Vec<(u32, &str)> = body_pictures(&one)[1]
        .variants
        .iter()
        .map(|v| (v.width, v.media_type.as_str()))
        .collect();
    assert_eq!(
        logo,
        [
            (480, "image/avif"),
            (600, "image/avif"),
            (480, "image/png"),
            (600, "image/png")
        ]
    );
    // The other article's use of the photo, the SVG left as it is.
    let two = article(&root, "hai");
    assert_eq!(body_pictures(&two)[0].variants, *photo);
    assert!(body_pictures(&two)[1].variants.is_empty());
    // The indexes carry them, so lists choose a copy too.
    let (tree, problems) = disk::load_tree(&root);
    assert!(problems.is_empty(), "{problems:?}");
    let listed = tree
        .pages
        .values()
        .flat_map(|p| &p.articles)
        .find(|s| s.slug == "mot")
        .unwrap();
    assert_eq!(listed.thumbnail.as_ref().unwrap().variants, *photo);

    // The next build takes every copy from the cache and writes the same files.
    let before = std::fs::read(root.join(paths::article("mot"))).unwrap();
    std::fs::remove_dir_all(root.join("media/_v")).unwrap();
    let again = images::make(&root, &cache).unwrap();
    assert_eq!(
        again,
        Made {
            pictures: 2,
            copies: 10,
            encoded: 0
        }
    );
    assert_eq!(
        std::fs::read(root.join(paths::article("mot"))).unwrap(),
        before
    );
    assert!(root.join(&photo[0].src).exists());

    // A replaced photo gets copies of its own, under new names.
    ImageBuffer::from_fn(1000, 500, |x, _| Rgb([0, (x % 256) as u8, 0]))
        .save(root.join("media/anh.jpg"))
        .unwrap();
    let replaced = images::make(&root, &cache).unwrap();
    assert_eq!(replaced.encoded, 6);
    let mot = article(&root, "mot");
    let new = &body_pictures(&mot)[0].variants;
    assert_eq!(
        new.iter().map(|v| v.width).collect::<Vec<_>>(),
        [480, 960, 1000, 480, 960, 1000]
    );
    assert!(new
        .iter()
        .all(|v| !photo.iter().any(|old| old.src == v.src)));
}

#[test]
fn names_the_article_and_the_picture_that_cannot_be_published() {
    let (root, cache) = site("problems");
    let mut manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(root.join(paths::MANIFEST)).unwrap())
            .unwrap();
    manifest.max_image_bytes = 5_000;
    std::fs::write(
        root.join(paths::MANIFEST),
        serde_json::to_string(&manifest).unwrap(),
    )
    .unwrap();
    std::fs::remove_file(root.join("media/logo.png")).unwrap();
    let problems = images::make(&root, &cache).unwrap_err().to_string();
    assert!(
        problems.contains("content/articles/mot.json: picture `/media/logo.png`: no such file"),
        "{problems}"
    );
    assert!(
        problems.contains("content/articles/hai.json: picture `media/anh.jpg`: is ")
            && problems.contains("over the site's limit of 5000 (`max_image_bytes` in site.json)"),
        "{problems}"
    );
    assert!(
        !root.join("media/_v").exists(),
        "nothing made while a picture is wrong"
    );
    // `check` says the same.
    let args: Vec<String> = ["check", root.to_str().unwrap()]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let checked = tintuc_publisher::cli::Command::parse(&args)
        .unwrap()
        .run()
        .unwrap_err()
        .to_string();
    assert!(
        checked.contains("content/articles/mot.json: picture `/media/logo.png`: no such file"),
        "{checked}"
    );

    // A file that is not a picture.
    manifest.max_image_bytes = 8 << 20;
    std::fs::write(
        root.join(paths::MANIFEST),
        serde_json::to_string(&manifest).unwrap(),
    )
    .unwrap();
    std::fs::write(root.join("media/logo.png"), b"not a picture").unwrap();
    let broken = images::make(&root, &cache).unwrap_err().to_string();
    assert!(
        broken.contains("content/articles/mot.json: picture `/media/logo.png`: cannot be decoded"),
        "{broken}"
    );
}
