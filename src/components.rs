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
pub mod timeline;
pub mod timeline_chart;
pub mod timeline_controls;
pub mod timeline_detail;
pub mod timeline_downloads;
pub mod timeline_filters;
pub mod timeline_history;
pub mod timeline_legend;
pub mod timeline_mark;
pub mod timeline_table;
pub mod timeline_undated;
