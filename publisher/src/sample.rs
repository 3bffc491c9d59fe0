//! Sample and synthetic articles for a district portal, made deterministically from a seed, in
//! Vietnamese or in English (the manifest's language decides).
//!
//! The committed demonstration content and the large trees that benchmarks and tests use come
//! from here; every article it makes is marked `sample`.

use crate::catalog::slugify;
use tintuc::content::{Article, Block, RichText, Section};
use tintuc::format::{Timestamp, UtcOffset};

/// A small deterministic generator (SplitMix64), so the same seed always gives the same tree.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const SUBJECTS: [&str; 12] = [
    "UBND quận",
    "Quận ủy Đống Đa",
    "Phường Láng Hạ",
    "Phường Văn Chương",
    "Phường Kim Liên",
    "Phường Trung Liệt",
    "Phường Ô Chợ Dừa",
    "Ủy ban MTTQ quận",
    "Hội Liên hiệp Phụ nữ quận",
    "Quận đoàn Đống Đa",
    "Phòng Văn hóa và Thông tin quận",
    "Phường Khâm Thiên",
];

/// Per section: what its news is about.
fn topics(section: &str) -> &'static [&'static str] {
    match section {
        "chinh-tri" => &[
            "hội nghị sơ kết công tác xây dựng Đảng",
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "tiếp xúc cử tri trước kỳ họp Hội đồng nhân dân",
            "kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở",
            "trao Huy hiệu Đảng cho đảng viên lão thành",
        ],
        "kinh-te" => &[
            "đẩy mạnh thu ngân sách sáu tháng cuối năm",
            "hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
            "chỉnh trang chợ dân sinh và tuyến phố thương mại",
            "cải thiện môi trường đầu tư kinh doanh",
            "phát triển thương mại điện tử trên địa bàn",
        ],
        "van-hoa-xa-hoi" => &[
            "khai giảng năm học mới tại các trường công lập",
            "chăm lo người có công nhân dịp kỷ niệm ngày Thương binh – Liệt sĩ",
            "tổ chức lễ hội truyền thống gò Đống Đa",
            "tiêm chủng mở rộng cho trẻ em trong độ tuổi",
            "xây dựng tuyến phố văn minh đô thị",
        ],
        "quoc-phong-an-ninh" => &[
            "diễn tập phòng cháy chữa cháy tại khu tập thể",
            "ra quân bảo đảm trật tự an toàn giao thông",
            "giao nhận quân năm 2020",
            "tuần tra bảo đảm an ninh trật tự khu dân cư",
            "tuyên truyền phòng chống tội phạm công nghệ cao",
        ],
        "thong-bao" => &[
            "lịch tiếp công dân của lãnh đạo quận",
            "thủ tục đăng ký hộ kinh doanh trực tuyến",
            "tạm dừng cấp nước để sửa chữa đường ống",
            "kế hoạch thu gom rác thải cồng kềnh",
            "tuyển dụng viên chức các trường mầm non",
        ],
        _ => &[
            "tổ chức hội nghị tổng kết phong trào thi đua",
            "khánh thành công trình chào mừng Đại hội Đảng bộ",
            "ra mắt mô hình dân vận khéo",
            "gặp mặt các điển hình tiên tiến",
            "phát động Tết trồng cây",
        ],
    }
}

const SENTENCES: [&str; 10] = [
    "Buổi làm việc có sự tham dự của đại diện lãnh đạo các phòng, ban chuyên môn và các phường trên địa bàn.",
    "Các ý kiến phát biểu tập trung vào những kết quả đã đạt được, đồng thời chỉ ra hạn chế cần khắc phục trong thời gian tới.",
    "Lãnh đạo quận đề nghị các đơn vị bám sát kế hoạch, phân công rõ người, rõ việc, rõ thời hạn hoàn thành.",
    "Người dân có thể theo dõi thông tin chi tiết trên cổng thông tin điện tử và bảng tin của tổ dân phố.",
    "Kết thúc chương trình, ban tổ chức đã trao giấy khen cho các tập thể và cá nhân có thành tích xuất sắc.",
    "Đây là hoạt động thiết thực nhằm nâng cao chất lượng phục vụ Nhân dân trên địa bàn quận.",
    "Trong sáu tháng đầu năm, các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.",
    "Ủy ban nhân dân quận yêu cầu các phường tăng cường kiểm tra, đôn đốc và báo cáo kết quả định kỳ.",
    "Nhiều ý kiến kiến nghị của cử tri đã được tiếp thu, giải quyết kịp thời và công khai kết quả.",
    "Công tác tuyên truyền được triển khai đồng bộ qua hệ thống loa truyền thanh và mạng xã hội.",
];

/// What the English sample is written from: the same district, as an English edition of its
/// portal would report it.
const SUBJECTS_EN: [&str; 8] = [
    "The district People's Committee",
    "Dong Da district Party Committee",
    "Lang Ha ward",
    "Van Chuong ward",
    "Kim Lien ward",
    "The district Women's Union",
    "The district Youth Union",
    "The district Fatherland Front",
];

fn topics_en(section: &str) -> &'static [&'static str] {
    match section {
        "politics" => &[
            "reviews six months of Party building work",
            "meets voters ahead of the People's Council session",
            "checks how grassroots democracy rules are applied",
            "awards Party membership badges to veteran members",
        ],
        "economy" => &[
            "steps up budget collection for the rest of the year",
            "helps small businesses move online",
            "renovates a neighbourhood market",
            "launches a programme for e-commerce in the district",
        ],
        "society" => &[
            "opens the new school year in public schools",
            "visits families of war veterans",
            "holds the traditional Dong Da mound festival",
            "extends the vaccination programme for young children",
        ],
        "notices" => &[
            "publishes the leaders' citizen reception schedule",
            "explains online registration for household businesses",
            "announces a water supply stop for pipe repairs",
            "sets the schedule for bulky waste collection",
        ],
        _ => &[
            "holds a conference on the emulation movement",
            "opens a project to celebrate the Party congress",
            "honours outstanding residents",
            "launches the spring tree-planting festival",
        ],
    }
}

const SENTENCES_EN: [&str; 8] = [
    "Leaders of the district's departments and of its wards attended the meeting.",
    "Speakers looked back on what had been achieved and named the shortcomings still to be overcome.",
    "The district asked each unit to follow the plan closely, with clear tasks, people and deadlines.",
    "Residents can follow the details on the district portal and on their neighbourhood notice boards.",
    "At the close of the programme, certificates of merit were awarded to outstanding groups and individuals.",
    "Most of the main targets for the first six months of the year were met or exceeded.",
    "Many of the voters' proposals were taken up, settled quickly and their outcome made public.",
    "The campaign was announced on the loudspeaker network and on social media.",
];

/// A language's words for the sample: who, what per section, the sentences of a body, and how
/// a lead joins them.
struct Vocabulary {
    subjects: &'static [&'static str],
    topics: fn(&str) -> &'static [&'static str],
    sentences: &'static [&'static str],
    lead: fn(&str, &str, &str) -> String,
}

fn vocabulary(language: &str) -> Vocabulary {
    if tintuc::strings::for_language(language).is_some_and(|t| t.code == "en") {
        Vocabulary {
            subjects: &SUBJECTS_EN,
            topics: topics_en,
            sentences: &SENTENCES_EN,
            lead: |subject, topic, sentence| format!("{subject} {topic} this week. {sentence}"),
        }
    } else {
        Vocabulary {
            subjects: &SUBJECTS,
            topics,
            sentences: &SENTENCES,
            lead: |subject, topic, sentence| format!("{subject} vừa {topic}. {sentence}"),
        }
    }
}

/// `per_section` articles for each section, published one every few hours going back from
/// `newest` (so the seed article, published after it, stays the lead story), in `language`
/// (English for `en`, Vietnamese otherwise).
pub fn articles(
    sections: &[Section],
    per_section: usize,
    newest: Timestamp,
    seed: u64,
    language: &str,
) -> Vec<Article> {
    let words = vocabulary(language);
    let mut rng = Rng::new(seed);
    let hanoi = UtcOffset::from_minutes(7 * 60);
    let mut out = Vec::with_capacity(sections.len() * per_section);
    let mut when = newest.unix();
    for i in 0..per_section {
        for section in sections {
            when -= 3600 + rng.below(9 * 3600) as i64;
            // Rounded to the minute, as a newsroom's publishing times are.
            when -= when.rem_euclid(60);
            let subject = rng.pick(words.subjects);
            let topic = rng.pick((words.topics)(&section.slug));
            let title = capitalise(&format!("{subject} {topic}"));
            let slug = format!("{}-{}", slugify(&title), i + 1);
            let lead = (words.lead)(subject, topic, rng.pick(words.sentences));
            let body = (0..3 + rng.below(4))
                .map(|_| {
                    let sentences: Vec<&str> = (0..2 + rng.below(3))
                        .map(|_| rng.pick(words.sentences))
                        .collect();
                    Block::Paragraph {
                        text: RichText::Plain(sentences.join(" ")),
                    }
                })
                .collect();
            out.push(Article {
                slug,
                section: section.slug.clone(),
                title,
                published: Timestamp::from_unix(when).written_in(hanoi),
                updated: None,
                author: None,
                source: None,
                views: 20 + rng.below(3000),
                lead,
                body,
                thumbnail: None,
                sample: true,
                translations: Vec::new(),
                tags: Vec::new(),
            });
        }
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn sections() -> Vec<Section> {
        ["tin-tuc-su-kien", "kinh-te"]
            .map(|slug| Section {
                slug: slug.into(),
                title: slug.into(),
                description: String::new(),
            })
            .to_vec()
    }

    #[test]
    fn makes_the_same_tree_from_the_same_seed() {
        let newest = Timestamp::from_unix(1_595_000_000);
        assert_eq!(
            articles(&sections(), 5, newest, 7, "vi"),
            articles(&sections(), 5, newest, 7, "vi")
        );
        assert_ne!(
            articles(&sections(), 5, newest, 7, "vi"),
            articles(&sections(), 5, newest, 8, "vi")
        );
    }

    #[test]
    fn makes_unique_slugs_older_than_newest_all_marked_sample() {
        let newest = Timestamp::from_unix(1_595_000_000);
        let made = articles(&sections(), 200, newest, 1, "vi");
        assert_eq!(made.len(), 400);
        let slugs: BTreeSet<_> = made.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs.len(), 400);
        assert!(made
            .iter()
            .all(|a| a.sample && a.published < newest && crate::catalog::is_slug(&a.slug)));
    }
}

#[cfg(test)]
mod english {
    use super::*;

    #[test]
    fn writes_english_for_an_english_site() {
        let sections = [Section {
            slug: "economy".into(),
            title: "Economy".into(),
            description: String::new(),
        }];
        let made = articles(
            &sections,
            3,
            Timestamp::from_unix(1_595_000_000),
            1,
            "en-GB",
        );
        for article in &made {
            assert!(article.title.is_ascii(), "{}", article.title);
            assert!(article.lead.contains(" this week. "), "{}", article.lead);
            assert!(crate::catalog::is_slug(&article.slug));
        }
    }
}
