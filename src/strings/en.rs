//! English, as British and international news sites write it: `19 July 2020, 18:40`, `1,234`.

use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "en",
    name: "English",
    og_locale: "en_GB",

    home: "Home",
    skip_to_content: "Skip to main content",
    sections_nav: "Sections",
    menu: "Sections",
    breadcrumb: "You are here",
    other_languages: "This article in other languages",
    other_editions: "This site in other languages",

    latest: "Latest",
    most_viewed: "Most read",
    other_news: "More news",
    no_articles: "There are no articles in this section yet.",
    article_list: "Articles",

    published: "Published",
    updated: "Updated",
    views: "Views",
    source: "Source",
    author: "Author",
    reading_time: "{minutes} min read",

    pagination: "Pages",
    previous_page: "Previous page",
    next_page: "Next page",
    page_label: "Page {page}",
    page_of: "Page {page} of {pages}",

    loading: "Loading…",
    needs_script: "This site needs JavaScript and WebAssembly to show the news.",
    retry: "Try again",
    load_failed: "The content could not be loaded",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or has moved. Check the \
        address, or go to the home page.",
    back_home: "Go to the home page",

    demo_notice: "Demonstration site: articles labelled “Sample content” are samples, not real \
        news.",
    sample_badge: "Sample content",
    views_note: "Views are the newsroom's figure plus the times you read the article in this \
        browser; your reading history stays on your device.",
    views_note_memory: "This browser does not let the site store data, so your reading counts \
        only during this visit.",
    clear_history: "Clear the reading history in this browser",
    history_cleared: "Reading history cleared.",

    offline: "Could not connect to load {what}. Check your connection and try again.",
    unreachable: "Could not load {what}: the server did not answer, or sent the request to \
        another page. Try again in a few minutes.",
    timed_out: "Loading {what} took too long and was stopped. The network may be slow; try \
        again.",
    too_large: "{what} is too large ({size} MB) to open on this page.",
    not_json: "The server sent a web page instead of the data in {what}. Try again in a few \
        minutes.",
    truncated: "The data in {what} was cut off while loading, perhaps by an unsteady \
        connection. Try again.",
    http_status: "The server answered HTTP error {status} when loading {what}.",
    not_found: "{what} was not found (HTTP 404).",
    bad_json: "The data in {what} has an error at line {line}, column {column}: {detail}.",
    unsupported_format: "{what} uses format version {found}, but this site reads only version \
        {supported}.",
    aborted: "The request was cancelled.",
    crashed: "Something went wrong and the page stopped responding. Reload the page to go on \
        reading; the article you were reading is not lost.",
    reload: "Reload the page",

    offline_now: "You are offline: this page may not be the latest version.",
    offline_copy: "You are offline: this is the copy saved at {time}, and there may be newer \
        news.",
    update_ready: "A new version of the site is available.",
    update_reload: "Reload",
    copies_note: "Pages you have opened are saved on this device so that you can read them \
        again offline.",
    clear_copies: "Delete saved pages",
    copies_cleared: "Saved pages deleted.",
    copies_not_cleared: "The saved pages could not be deleted; try again.",

    search: "Search",
    search_button: "Go",
    search_prompt: "Type the words to look for, with or without accents.",
    searching: "Searching…",
    search_title: "Search: {query}",
    search_count: "{count} results for “{query}”",
    search_count_one: "1 result for “{query}”",
    search_none: "No articles match “{query}”. Try fewer words, or another spelling.",
    search_no_words: "“{query}” has no letters or digits to search for.",
    search_shortened: "Only the first {words} words were searched for.",
    search_more: "More results",
    search_results: "Search results",

    display_settings: "Text size and colours",
    text_smaller: "Smaller text",
    text_larger: "Larger text",
    text_reset: "Default text size",
    colour_scheme: "Colours",
    theme_system: "As the system",
    theme_light: "Light",
    theme_dark: "Dark",
    share: "Share",
    shared: "Shared.",
    link_copied: "Link copied.",
    copy_failed: "The link could not be copied; the article's address:",
    printed_from: "Printed from",

    date_time: "{day} {month} {year}, {hour}:{minute}",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    thousands: ',',
    decimal: '.',
};
