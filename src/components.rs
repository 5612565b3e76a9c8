//! One small component per file.

pub mod article_meta;
pub mod library;
pub mod reader;
pub mod removed_list;
pub mod site_header;
