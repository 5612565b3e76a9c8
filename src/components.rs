//! One small component per file.

pub mod article_meta;
pub mod explore_results;
pub mod explorer;
pub mod facet_group;
pub mod highlighted;
pub mod library;
pub mod reader;
pub mod removed_list;
pub mod site_header;
