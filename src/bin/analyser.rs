//! `crossread-analyser`: the analysis of a reader's own files as a Web
//! Worker (see `crossread::analyser_worker` for its messages). Trunk builds
//! it from `<link data-trunk rel="rust" data-bin="crossread-analyser"
//! data-type="worker" data-loader-shim />` into
//! `crossread-analyser_loader.js` (+ `.js`, `_bg.wasm`), which nothing
//! loads until the page starts `new Worker("./crossread-analyser_loader.js")`.

#[cfg(target_arch = "wasm32")]
fn main() {
    crossread::analyser_worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "crossread-analyser runs in a browser Web Worker: build the site with `cargo xtask dist`"
    );
}
