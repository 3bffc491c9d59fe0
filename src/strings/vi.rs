//! Vietnamese, as the seed portal writes it: `19/07/2020 | 18:40`, `1.234`.

use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "vi",
    name: "Tiếng Việt",
    og_locale: "vi_VN",

    home: "Trang chủ",
    skip_to_content: "Bỏ qua, đến nội dung chính",
    sections_nav: "Chuyên mục",
    menu: "Chuyên mục",
    breadcrumb: "Vị trí trang",
    other_languages: "Bài này bằng ngôn ngữ khác",
    other_editions: "Trang tin bằng ngôn ngữ khác",

    latest: "Tin mới",
    most_viewed: "Xem nhiều",
    other_news: "Các tin khác",
    no_articles: "Chuyên mục này chưa có bài viết.",
    article_list: "Danh sách bài viết",

    published: "Ngày đăng",
    updated: "Cập nhật",
    views: "Lượt xem",
    source: "Nguồn",
    author: "Tác giả",
    reading_time: "{minutes} phút đọc",

    pagination: "Phân trang",
    previous_page: "Trang trước",
    next_page: "Trang sau",
    page_label: "Trang {page}",
    page_of: "Trang {page} / {pages}",

    loading: "Đang tải…",
    needs_script: "Trang này cần JavaScript và WebAssembly để hiển thị tin tức.",
    retry: "Thử lại",
    load_failed: "Không tải được nội dung",
    not_found_title: "Không tìm thấy trang",
    not_found_text: "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ, \
        hoặc về trang chủ.",
    back_home: "Về trang chủ",

    demo_notice: "Trang trình diễn: các bài có nhãn “Nội dung mẫu” là bài mẫu, không phải tin \
        thật.",
    sample_badge: "Nội dung mẫu",
    views_note: "Lượt xem gồm số liệu của tòa soạn cộng với các lần bạn đọc bài trên trình duyệt \
        này; lịch sử đọc chỉ lưu trên máy bạn.",
    views_note_memory: "Trình duyệt không cho lưu dữ liệu, nên lần đọc của bạn chỉ được tính \
        trong lượt truy cập này.",
    clear_history: "Xóa lịch sử đọc trên trình duyệt này",
    history_cleared: "Đã xóa lịch sử đọc.",

    offline: "Không kết nối được để tải {what}. Hãy kiểm tra mạng rồi thử lại.",
    unreachable: "Không tải được {what}: máy chủ không trả lời, hoặc chuyển yêu cầu sang một \
        trang khác. Hãy thử lại sau ít phút.",
    timed_out: "Tải {what} quá lâu nên đã dừng. Mạng có thể đang chậm; hãy thử lại.",
    too_large: "{what} quá lớn ({size} MB) để mở trên trang này.",
    not_json: "Máy chủ gửi về một trang web thay cho dữ liệu {what}. Hãy thử lại sau ít phút.",
    truncated: "Dữ liệu {what} bị cắt ngang khi tải, có thể do mạng chập chờn. Hãy thử lại.",
    http_status: "Máy chủ trả lỗi HTTP {status} khi tải {what}.",
    not_found: "Không tìm thấy {what} (HTTP 404).",
    bad_json: "Dữ liệu {what} bị lỗi ở dòng {line}, cột {column}: {detail}.",
    unsupported_format: "{what} dùng định dạng phiên bản {found}, nhưng trang này chỉ đọc được \
        phiên bản {supported}.",
    aborted: "Yêu cầu đã được hủy.",
    crashed: "Trang gặp lỗi và đã ngừng phản hồi. Hãy tải lại trang để đọc tiếp; bài đang đọc \
        không mất.",
    reload: "Tải lại trang",

    offline_now: "Bạn đang ngoại tuyến: trang này có thể không phải bản mới nhất.",
    offline_copy: "Bạn đang ngoại tuyến: đây là bản lưu lúc {time}, có thể chưa phải tin mới nhất.",
    update_ready: "Có phiên bản mới của trang.",
    update_reload: "Tải lại",
    copies_note: "Các trang bạn đã mở được lưu trên máy này để đọc lại khi mất mạng.",
    clear_copies: "Xóa các trang đã lưu",
    copies_cleared: "Đã xóa các trang đã lưu.",
    copies_not_cleared: "Không xóa được các trang đã lưu; hãy thử lại.",

    search: "Tìm kiếm",
    search_button: "Tìm",
    search_prompt: "Gõ từ cần tìm, có dấu hay không dấu đều được: “dai hoi” cũng tìm ra “Đại \
        hội”.",
    searching: "Đang tìm…",
    search_title: "Tìm kiếm: {query}",
    search_count: "{count} kết quả cho “{query}”",
    search_count_one: "1 kết quả cho “{query}”",
    search_none: "Không có bài nào khớp với “{query}”. Hãy thử bớt từ, hoặc viết khác đi.",
    search_no_words: "“{query}” không có chữ hay số nào để tìm.",
    search_shortened: "Chỉ {words} từ đầu tiên được dùng để tìm.",
    search_more: "Xem thêm kết quả",
    search_results: "Kết quả tìm kiếm",

    display_settings: "Cỡ chữ và màu nền",
    text_smaller: "Giảm cỡ chữ",
    text_larger: "Tăng cỡ chữ",
    text_reset: "Cỡ chữ mặc định",
    colour_scheme: "Màu nền",
    theme_system: "Theo hệ thống",
    theme_light: "Sáng",
    theme_dark: "Tối",
    share: "Chia sẻ",
    shared: "Đã chia sẻ.",
    link_copied: "Đã chép liên kết.",
    copy_failed: "Không chép được liên kết; địa chỉ bài viết:",
    printed_from: "In từ",

    date_time: "{day2}/{month2}/{year} | {hour}:{minute}",
    months: [
        "tháng 1",
        "tháng 2",
        "tháng 3",
        "tháng 4",
        "tháng 5",
        "tháng 6",
        "tháng 7",
        "tháng 8",
        "tháng 9",
        "tháng 10",
        "tháng 11",
        "tháng 12",
    ],
    thousands: '.',
    decimal: ',',
};
