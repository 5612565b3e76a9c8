//! Crossread's web app: renders the corpus analysed at build time.
//!
//! The app only renders and holds UI state; everything it shows was computed
//! by `crossread-corpus`. UI state lives in the URL hash ([`view_state`]), so
//! every view is a link that works on any static host.

pub mod app;
pub mod components;
pub mod corpus_data;
pub mod explore;
pub mod filters;
pub mod format;
pub mod hooks;
pub mod search;
pub mod view_state;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
