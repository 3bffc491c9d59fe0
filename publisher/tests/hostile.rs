//! `check` refuses every hostile file, each with a message that names the file and what to do.

use std::path::{Path, PathBuf};
use tintuc_publisher::catalog::{check, disk};
use tintuc_publisher::hostile;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The committed sample tree with every hostile file added, in a fresh folder.
fn hostile_tree() -> PathBuf {
    let root = std::env::temp_dir().join(format!("tintuc-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let public = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"));
    copy_dir(&public.join("content"), &root.join("content"));
    hostile::write(&root).unwrap();
    root
}

#[test]
fn check_refuses_every_hostile_file_by_name() {
    let root = hostile_tree();
    let (tree, mut problems) = disk::load_tree(&root);
    problems.extend(check(&tree));
    std::fs::remove_dir_all(&root).unwrap();
    let about = |name: &str, what: &str| {
        problems
            .iter()
            .any(|p| p.contains(name) && p.contains(what))
    };
    // Every file is named by a problem of its own; being in no section page does not count,
    // as every hostile article is in none.
    for file in hostile::files() {
        let name = Path::new(&file.path).file_name().unwrap().to_str().unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.contains(name) && !p.contains("is in no section page")),
            "nothing refuses {} ({}):\n{}",
            file.path,
            file.tries,
            problems.join("\n")
        );
    }
    for link in hostile::SCRIPT_LINKS {
        let shown: String = link.chars().take(60).collect();
        let what = format!("points to {shown:?}, which the site will not follow");
        assert!(about("lien-ket-doc.json", &what), "{what}");
    }
    let expected = [
        (
            "lien-ket-doc.json",
            "`body[0] link` points to \"javascript:alert(1)\"",
        ),
        ("lien-ket-doc.json", "points to \"vbscript:msgbox(1)\""),
        ("lien-ket-doc.json", "points to \"java\\tscript:alert(1)\""),
        ("lien-ket-doc.json", "points to \"javascript&#58;alert(1)\""),
        (
            "lien-ket-doc.json",
            "points to \"&#106;avascript:alert(1)\"",
        ),
        ("lien-ket-doc.json", "`body[1] link`"),
        ("lien-ket-doc.json", "`body[2].src`"),
        ("tieu-de-rat-dai.json", "`title` is 10000 characters"),
        ("hai-muoi-nghin-doan.json", "`body` has 20000 blocks"),
        (
            "danh-sach-long-1000-tang.json",
            "in `body[0]`: `items` in a `list` block",
        ),
        (
            "chu-dao-chieu.json",
            "`title` holds a character that reverses",
        ),
        (
            "chu-dao-chieu.json",
            "`lead` holds a character that reverses",
        ),
        ("khong-phai-utf8.json", "is not UTF-8 at line 1, column"),
        ("co-bom.json", "byte-order mark"),
        ("%2e%2e", "is not a URL slug"),
        (
            "trung-lap-ban-sao.json",
            "slug \"trung-lap\" is that of content/articles/trung-lap.json too",
        ),
        (
            "chuyen-muc-khong-co.json",
            "section \"khong-co\" is not in the manifest",
        ),
        ("qua-lon.json", "the site refuses files over 4194304"),
        ("tin-tuc-su-kien/99.json", "not a page of its section"),
    ];
    for (name, what) in expected {
        assert!(about(name, what), "{name}: {what}\n{}", problems.join("\n"));
    }
}

#[test]
fn names_the_field_and_position_of_a_wrong_value() {
    let text = "{\"slug\":\"a\",\"section\":\"s\",\"title\":\"T\",\n\"published\":\"2020-07-19T18:40:00Z\",\n\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"},{\"type\":\"image\",\"src\":7}]}";
    let err = disk::decode::<tintuc::content::Article>(text.as_bytes()).unwrap_err();
    assert!(err.starts_with("line 3, column"), "{err}");
    assert!(err.contains("in `body[1]`"), "{err}");
    assert!(err.contains("`src` in a `image` block"), "{err}");
    let err = disk::decode::<tintuc::content::Article>(b"{\"slug\":\"a\",\"views\":\"many\"}")
        .unwrap_err();
    assert!(err.contains("in `views`"), "{err}");
    let manifest = br#"{"format":1,"name":"x","timezone":"+07:00","sections":[]} {"#;
    let err = disk::decode::<tintuc::content::Manifest>(manifest).unwrap_err();
    assert!(err.contains("more after the JSON value"), "{err}");
}
