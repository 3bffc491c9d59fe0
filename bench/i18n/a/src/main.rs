use leptos::prelude::*;

/// All UI strings of the app, one field per label.
pub struct Strings {
    pub app_title: &'static str,
    pub nav_home: &'static str,
    pub nav_latest: &'static str,
    pub nav_world: &'static str,
    pub nav_business: &'static str,
    pub nav_tech: &'static str,
    pub nav_sport: &'static str,
    pub nav_culture: &'static str,
    pub nav_health: &'static str,
    pub nav_opinion: &'static str,
    pub nav_saved: &'static str,
    pub nav_settings: &'static str,
    pub skip_to_content: &'static str,
    pub open_menu: &'static str,
    pub close_menu: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub search_no_results: &'static str,
    pub search_results_count: &'static str,
    pub loading: &'static str,
    pub loading_more: &'static str,
    pub load_more: &'static str,
    pub error_network: &'static str,
    pub error_not_found: &'static str,
    pub error_generic: &'static str,
    pub retry: &'static str,
    pub back_to_home: &'static str,
    pub offline_banner: &'static str,
    pub updated_ago: &'static str,
    pub published_on: &'static str,
    pub by_author: &'static str,
    pub reading_time: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub save_article: &'static str,
    pub unsave_article: &'static str,
    pub print_article: &'static str,
    pub font_larger: &'static str,
    pub font_smaller: &'static str,
    pub related_articles: &'static str,
    pub more_from_section: &'static str,
    pub most_read: &'static str,
    pub editors_picks: &'static str,
    pub breaking_news: &'static str,
    pub live_updates: &'static str,
    pub photo_credit: &'static str,
    pub video_play: &'static str,
    pub video_pause: &'static str,
    pub gallery_next: &'static str,
    pub gallery_prev: &'static str,
    pub gallery_position: &'static str,
    pub comments_title: &'static str,
    pub comments_count: &'static str,
    pub comments_closed: &'static str,
    pub settings_title: &'static str,
    pub settings_theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_system: &'static str,
    pub settings_language: &'static str,
    pub settings_images: &'static str,
    pub settings_notifications: &'static str,
    pub settings_saved: &'static str,
    pub clear_saved: &'static str,
    pub clear_saved_confirm: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub saved_empty: &'static str,
    pub newsletter_title: &'static str,
    pub newsletter_email: &'static str,
    pub newsletter_submit: &'static str,
    pub newsletter_thanks: &'static str,
    pub footer_about: &'static str,
    pub footer_contact: &'static str,
    pub footer_privacy: &'static str,
    pub footer_terms: &'static str,
    pub footer_copyright: &'static str,
    pub scroll_top: &'static str,
    pub new_stories_available: &'static str,
}

pub static EN: Strings = Strings {
    app_title: "Tin tức – Daily news reader",
    nav_home: "Home",
    nav_latest: "Latest stories",
    nav_world: "World news",
    nav_business: "Business and economy",
    nav_tech: "Science and technology",
    nav_sport: "Sport",
    nav_culture: "Culture and entertainment",
    nav_health: "Health and wellbeing",
    nav_opinion: "Opinion and analysis",
    nav_saved: "Saved articles",
    nav_settings: "Settings",
    skip_to_content: "Skip to main content",
    open_menu: "Open the navigation menu",
    close_menu: "Close the navigation menu",
    search_placeholder: "Search articles, topics and authors",
    search_button: "Search",
    search_no_results: "No articles match your search. Try a shorter or different query.",
    search_results_count: "{n} articles found",
    loading: "Loading the latest articles…",
    loading_more: "Loading more stories…",
    load_more: "Show more stories",
    error_network: "Could not reach the server. Check your connection and try again.",
    error_not_found: "This article could not be found. It may have been moved or removed.",
    error_generic: "Something went wrong while loading this page.",
    retry: "Try again",
    back_to_home: "Back to the front page",
    offline_banner: "You are offline. Showing articles saved on this device.",
    updated_ago: "Updated {n} minutes ago",
    published_on: "Published on",
    by_author: "By",
    reading_time: "{n} min read",
    share: "Share this article",
    copy_link: "Copy link to clipboard",
    link_copied: "Link copied to clipboard",
    save_article: "Save for later",
    unsave_article: "Remove from saved articles",
    print_article: "Print this article",
    font_larger: "Increase text size",
    font_smaller: "Decrease text size",
    related_articles: "Related articles",
    more_from_section: "More from this section",
    most_read: "Most read today",
    editors_picks: "Editors' picks",
    breaking_news: "Breaking news",
    live_updates: "Live updates",
    photo_credit: "Photo:",
    video_play: "Play video",
    video_pause: "Pause video",
    gallery_next: "Next photo",
    gallery_prev: "Previous photo",
    gallery_position: "Photo {n} of the gallery",
    comments_title: "Readers' comments",
    comments_count: "{n} comments",
    comments_closed: "Comments are closed for this article.",
    settings_title: "Reading preferences",
    settings_theme: "Colour theme",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_system: "Follow the system setting",
    settings_language: "Interface language",
    settings_images: "Load images on mobile data",
    settings_notifications: "Notify me about breaking news",
    settings_saved: "Your preferences have been saved.",
    clear_saved: "Clear all saved articles",
    clear_saved_confirm: "Remove every saved article from this device?",
    confirm: "Confirm",
    cancel: "Cancel",
    saved_empty: "You have not saved any articles yet.",
    newsletter_title: "Get the morning briefing in your inbox",
    newsletter_email: "Email address",
    newsletter_submit: "Subscribe",
    newsletter_thanks: "Thanks! Please check your inbox to confirm.",
    footer_about: "About us",
    footer_contact: "Contact the newsroom",
    footer_privacy: "Privacy policy",
    footer_terms: "Terms of use",
    footer_copyright: "All rights reserved.",
    scroll_top: "Back to top",
    new_stories_available: "New stories are available. Tap to refresh.",
};

pub static VI: Strings = Strings {
    app_title: "Tin tức – Trình đọc báo hằng ngày",
    nav_home: "Trang chủ",
    nav_latest: "Tin mới nhất",
    nav_world: "Tin thế giới",
    nav_business: "Kinh doanh và kinh tế",
    nav_tech: "Khoa học và công nghệ",
    nav_sport: "Thể thao",
    nav_culture: "Văn hóa và giải trí",
    nav_health: "Sức khỏe và đời sống",
    nav_opinion: "Ý kiến và phân tích",
    nav_saved: "Bài viết đã lưu",
    nav_settings: "Cài đặt",
    skip_to_content: "Chuyển đến nội dung chính",
    open_menu: "Mở menu điều hướng",
    close_menu: "Đóng menu điều hướng",
    search_placeholder: "Tìm bài viết, chủ đề và tác giả",
    search_button: "Tìm kiếm",
    search_no_results: "Không có bài viết nào khớp với tìm kiếm. Hãy thử từ khóa ngắn hơn hoặc khác.",
    search_results_count: "Tìm thấy {n} bài viết",
    loading: "Đang tải các bài viết mới nhất…",
    loading_more: "Đang tải thêm tin…",
    load_more: "Xem thêm tin",
    error_network: "Không thể kết nối máy chủ. Hãy kiểm tra kết nối mạng và thử lại.",
    error_not_found: "Không tìm thấy bài viết này. Có thể bài đã được di chuyển hoặc gỡ bỏ.",
    error_generic: "Đã xảy ra lỗi khi tải trang này.",
    retry: "Thử lại",
    back_to_home: "Quay lại trang nhất",
    offline_banner: "Bạn đang ngoại tuyến. Đang hiển thị các bài đã lưu trên thiết bị này.",
    updated_ago: "Cập nhật {n} phút trước",
    published_on: "Đăng ngày",
    by_author: "Bởi",
    reading_time: "{n} phút đọc",
    share: "Chia sẻ bài viết này",
    copy_link: "Sao chép liên kết",
    link_copied: "Đã sao chép liên kết",
    save_article: "Lưu để đọc sau",
    unsave_article: "Bỏ khỏi danh sách đã lưu",
    print_article: "In bài viết này",
    font_larger: "Tăng cỡ chữ",
    font_smaller: "Giảm cỡ chữ",
    related_articles: "Bài viết liên quan",
    more_from_section: "Thêm tin trong chuyên mục này",
    most_read: "Đọc nhiều nhất hôm nay",
    editors_picks: "Biên tập viên chọn",
    breaking_news: "Tin nóng",
    live_updates: "Cập nhật trực tiếp",
    photo_credit: "Ảnh:",
    video_play: "Phát video",
    video_pause: "Tạm dừng video",
    gallery_next: "Ảnh tiếp theo",
    gallery_prev: "Ảnh trước",
    gallery_position: "Ảnh thứ {n} trong bộ sưu tập",
    comments_title: "Ý kiến bạn đọc",
    comments_count: "{n} bình luận",
    comments_closed: "Bài viết này đã đóng bình luận.",
    settings_title: "Tùy chọn đọc",
    settings_theme: "Giao diện màu",
    theme_light: "Sáng",
    theme_dark: "Tối",
    theme_system: "Theo cài đặt hệ thống",
    settings_language: "Ngôn ngữ giao diện",
    settings_images: "Tải ảnh khi dùng dữ liệu di động",
    settings_notifications: "Thông báo cho tôi khi có tin nóng",
    settings_saved: "Đã lưu tùy chọn của bạn.",
    clear_saved: "Xóa tất cả bài viết đã lưu",
    clear_saved_confirm: "Xóa mọi bài viết đã lưu khỏi thiết bị này?",
    confirm: "Xác nhận",
    cancel: "Hủy",
    saved_empty: "Bạn chưa lưu bài viết nào.",
    newsletter_title: "Nhận bản tin buổi sáng qua email",
    newsletter_email: "Địa chỉ email",
    newsletter_submit: "Đăng ký",
    newsletter_thanks: "Cảm ơn bạn! Hãy kiểm tra hộp thư để xác nhận.",
    footer_about: "Giới thiệu",
    footer_contact: "Liên hệ tòa soạn",
    footer_privacy: "Chính sách bảo mật",
    footer_terms: "Điều khoản sử dụng",
    footer_copyright: "Bảo lưu mọi quyền.",
    scroll_top: "Lên đầu trang",
    new_stories_available: "Đã có tin mới. Chạm để làm mới.",
};

fn page_lang() -> String {
    document()
        .document_element()
        .and_then(|el| el.get_attribute("lang"))
        .unwrap_or_default()
}

fn strings_for(lang: &str) -> &'static Strings {
    if lang.starts_with("vi") { &VI } else { &EN }
}

fn fill(template: &'static str, n: u32) -> String {
    template.replace("{n}", &n.to_string())
}

#[component]
fn App() -> impl IntoView {
    let s = strings_for(&page_lang());
    let (n, set_n) = signal(3u32);
    view! {
        <main>
            <section>
                <p>{s.app_title}</p>
                <p>{s.nav_home}</p>
                <p>{s.nav_latest}</p>
                <p>{s.nav_world}</p>
                <p>{s.nav_business}</p>
                <p>{s.nav_tech}</p>
                <p>{s.nav_sport}</p>
                <p>{s.nav_culture}</p>
                <p>{s.nav_health}</p>
                <p>{s.nav_opinion}</p>
            </section>
            <section>
                <p>{s.nav_saved}</p>
                <p>{s.nav_settings}</p>
                <p>{s.skip_to_content}</p>
                <p>{s.open_menu}</p>
                <p>{s.close_menu}</p>
                <p>{s.search_placeholder}</p>
                <p>{s.search_button}</p>
                <p>{s.search_no_results}</p>
                <p>{move || fill(s.search_results_count, n.get())}</p>
                <p>{s.loading}</p>
            </section>
            <section>
                <p>{s.loading_more}</p>
                <p>{s.load_more}</p>
                <p>{s.error_network}</p>
                <p>{s.error_not_found}</p>
                <p>{s.error_generic}</p>
                <p>{s.retry}</p>
                <p>{s.back_to_home}</p>
                <p>{s.offline_banner}</p>
                <p>{move || fill(s.updated_ago, n.get())}</p>
                <p>{s.published_on}</p>
            </section>
            <section>
                <p>{s.by_author}</p>
                <p>{move || fill(s.reading_time, n.get())}</p>
                <p>{s.share}</p>
                <p>{s.copy_link}</p>
                <p>{s.link_copied}</p>
                <p>{s.save_article}</p>
                <p>{s.unsave_article}</p>
                <p>{s.print_article}</p>
                <p>{s.font_larger}</p>
                <p>{s.font_smaller}</p>
            </section>
            <section>
                <p>{s.related_articles}</p>
                <p>{s.more_from_section}</p>
                <p>{s.most_read}</p>
                <p>{s.editors_picks}</p>
                <p>{s.breaking_news}</p>
                <p>{s.live_updates}</p>
                <p>{s.photo_credit}</p>
                <p>{s.video_play}</p>
                <p>{s.video_pause}</p>
                <p>{s.gallery_next}</p>
            </section>
            <section>
                <p>{s.gallery_prev}</p>
                <p>{move || fill(s.gallery_position, n.get())}</p>
                <p>{s.comments_title}</p>
                <p>{move || fill(s.comments_count, n.get())}</p>
                <p>{s.comments_closed}</p>
                <p>{s.settings_title}</p>
                <p>{s.settings_theme}</p>
                <p>{s.theme_light}</p>
                <p>{s.theme_dark}</p>
                <p>{s.theme_system}</p>
            </section>
            <section>
                <p>{s.settings_language}</p>
                <p>{s.settings_images}</p>
                <p>{s.settings_notifications}</p>
                <p>{s.settings_saved}</p>
                <p>{s.clear_saved}</p>
                <p>{s.clear_saved_confirm}</p>
                <p>{s.confirm}</p>
                <p>{s.cancel}</p>
                <p>{s.saved_empty}</p>
                <p>{s.newsletter_title}</p>
            </section>
            <section>
                <p>{s.newsletter_email}</p>
                <p>{s.newsletter_submit}</p>
                <p>{s.newsletter_thanks}</p>
                <p>{s.footer_about}</p>
                <p>{s.footer_contact}</p>
                <p>{s.footer_privacy}</p>
                <p>{s.footer_terms}</p>
                <p>{s.footer_copyright}</p>
                <p>{s.scroll_top}</p>
                <p>{s.new_stories_available}</p>
            </section>
            <button on:click=move |_| set_n.update(|x| *x += 1)>"+"</button>
        </main>
    }
}

fn main() {
    leptos::mount::hydrate_body(App);
}
