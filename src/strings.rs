//! Every piece of text the interface itself shows, in one place. Content text comes from JSON.

pub const HOME: &str = "Trang chủ";
pub const SKIP_TO_CONTENT: &str = "Bỏ qua, đến nội dung chính";
pub const SECTIONS_NAV: &str = "Chuyên mục";
pub const MENU: &str = "Chuyên mục";
pub const BREADCRUMB: &str = "Vị trí trang";

pub const LATEST: &str = "Tin mới";
pub const MOST_VIEWED: &str = "Xem nhiều";
pub const OTHER_NEWS: &str = "Các tin khác";
pub const SEE_ALL: &str = "Xem tất cả";
pub const NO_ARTICLES: &str = "Chuyên mục này chưa có bài viết.";

pub const PUBLISHED: &str = "Ngày đăng";
pub const UPDATED: &str = "Cập nhật";
pub const VIEWS: &str = "Lượt xem";
pub const SOURCE: &str = "Nguồn";
pub const AUTHOR: &str = "Tác giả";

pub const PAGINATION: &str = "Phân trang";
pub const PREVIOUS_PAGE: &str = "Trang trước";
pub const NEXT_PAGE: &str = "Trang sau";

pub const LOADING: &str = "Đang tải…";
pub const RETRY: &str = "Thử lại";
pub const LOAD_FAILED: &str = "Không tải được nội dung";

pub const NOT_FOUND_TITLE: &str = "Không tìm thấy trang";
pub const NOT_FOUND_TEXT: &str =
    "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ, hoặc về trang chủ.";
pub const BACK_HOME: &str = "Về trang chủ";

pub const DEMO_NOTICE: &str = "Trang trình diễn: ngoài bài gốc về Đại hội Đảng bộ quận Đống Đa, \
     các bài viết ở đây là nội dung mẫu, không phải tin thật.";
pub const SAMPLE_BADGE: &str = "Nội dung mẫu";
pub const VIEWS_NOTE: &str = "Lượt xem gồm số liệu của tòa soạn cộng với các lần bạn đọc bài trên \
     trình duyệt này; lịch sử đọc chỉ lưu trên máy bạn.";
pub const VIEWS_NOTE_MEMORY: &str =
    "Trình duyệt không cho lưu dữ liệu, nên lần đọc của bạn chỉ được tính trong lượt truy cập này.";
pub const CLEAR_HISTORY: &str = "Xóa lịch sử đọc trên trình duyệt này";
pub const HISTORY_CLEARED: &str = "Đã xóa lịch sử đọc.";

/// "Trang 2", in a page title or the pagination.
pub fn page_label(page: u32) -> String {
    format!("Trang {page}")
}

/// "Trang 2 / 5", the pagination's own position.
pub fn page_of(page: u32, pages: u32) -> String {
    format!("Trang {page} / {pages}")
}

/// "3 phút đọc"
pub fn reading_time(minutes: usize) -> String {
    format!("{minutes} phút đọc")
}

// What failed, in words a reader can act on. `what` is the file, so a publisher can find it.
pub fn offline(what: &str) -> String {
    format!("Không kết nối được để tải {what}. Hãy kiểm tra mạng rồi thử lại.")
}
pub fn unreachable(what: &str) -> String {
    format!(
        "Không tải được {what}: máy chủ không trả lời, hoặc chuyển yêu cầu sang một trang khác. \
         Hãy thử lại sau ít phút."
    )
}
pub fn timed_out(what: &str) -> String {
    format!("Tải {what} quá lâu nên đã dừng. Mạng có thể đang chậm; hãy thử lại.")
}
pub fn too_large(what: &str, bytes: u64) -> String {
    // Whole tenths by integer arithmetic: formatting a float would add its code to the wasm.
    let tenths = bytes.saturating_mul(10).saturating_add(524_288) / 1_048_576;
    format!(
        "{what} quá lớn ({},{} MB) để mở trên trang này.",
        tenths / 10,
        tenths % 10
    )
}
pub fn not_json(what: &str) -> String {
    format!("Máy chủ gửi về một trang web thay cho dữ liệu {what}. Hãy thử lại sau ít phút.")
}
pub fn truncated(what: &str) -> String {
    format!("Dữ liệu {what} bị cắt ngang khi tải, có thể do mạng chập chờn. Hãy thử lại.")
}
pub fn http_status(what: &str, status: u16) -> String {
    format!("Máy chủ trả lỗi HTTP {status} khi tải {what}.")
}
pub fn not_found(what: &str) -> String {
    format!("Không tìm thấy {what} (HTTP 404).")
}
pub fn bad_json(what: &str, line: usize, column: usize, detail: &str) -> String {
    format!("Dữ liệu {what} bị lỗi ở dòng {line}, cột {column}: {detail}.")
}
pub fn unsupported_format(what: &str, found: u32, supported: u32) -> String {
    format!(
        "{what} dùng định dạng phiên bản {found}, nhưng trang này chỉ đọc được phiên bản {supported}."
    )
}
pub const CRASHED: &str =
    "Trang gặp lỗi và đã ngừng phản hồi. Hãy tải lại trang để đọc tiếp; bài đang đọc không mất.";
pub const RELOAD: &str = "Tải lại trang";
pub const ABORTED: &str = "Yêu cầu đã được hủy.";

pub const OFFLINE_NOW: &str = "Bạn đang ngoại tuyến: trang này có thể không phải bản mới nhất.";
/// While offline, with the time the copy on screen was fetched.
pub fn offline_copy(fetched: &str) -> String {
    format!("Bạn đang ngoại tuyến: đây là bản lưu lúc {fetched}, có thể chưa phải tin mới nhất.")
}
pub const UPDATE_READY: &str = "Có phiên bản mới của trang.";
pub const UPDATE_RELOAD: &str = "Tải lại";
pub const COPIES_NOTE: &str = "Các trang bạn đã mở được lưu trên máy này để đọc lại khi mất mạng.";
pub const CLEAR_COPIES: &str = "Xóa các trang đã lưu";
pub const COPIES_CLEARED: &str = "Đã xóa các trang đã lưu.";
pub const COPIES_NOT_CLEARED: &str = "Không xóa được các trang đã lưu; hãy thử lại.";

pub const DISPLAY_SETTINGS: &str = "Cỡ chữ và màu nền";
pub const TEXT_SMALLER: &str = "Giảm cỡ chữ";
pub const TEXT_LARGER: &str = "Tăng cỡ chữ";
pub const TEXT_RESET: &str = "Cỡ chữ mặc định";
pub const COLOUR_SCHEME: &str = "Màu nền";
pub const THEME_SYSTEM: &str = "Theo hệ thống";
pub const THEME_LIGHT: &str = "Sáng";
pub const THEME_DARK: &str = "Tối";
pub const SHARE: &str = "Chia sẻ";
pub const SHARED: &str = "Đã chia sẻ.";
pub const LINK_COPIED: &str = "Đã chép liên kết.";
pub const COPY_FAILED: &str = "Không chép được liên kết; địa chỉ bài viết:";
pub const ARTICLE_LIST: &str = "Danh sách bài viết";
pub const PRINTED_FROM: &str = "In từ";
