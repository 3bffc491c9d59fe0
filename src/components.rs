//! Pieces shared by the pages.

pub mod article_body;
pub mod article_list;
pub mod frame;
pub mod meta_line;
pub mod pagination;
pub mod picture;
pub mod reading_tools;
pub mod search_box;
pub mod status;
pub mod translations;
pub mod view_count;
