//! The web app's entry point: a panic hook, then the app.

fn main() {
    std::panic::set_hook(Box::new(show_panic));
    #[cfg(feature = "panic-probe")]
    panic_probe();
    crossread::start();
}

/// A panic stops the app for good (release builds abort), so say so on the
/// page instead of leaving it dead, and log the details. Text only, never
/// markup: the message may quote input.
fn show_panic(info: &std::panic::PanicHookInfo) {
    gloo::console::error!(format!("Crossread stopped: {info}"));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(notice), Some(body)) = (document.create_element("p"), document.body()) else {
        return;
    };
    notice.set_class_name("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(&format!(
        "Crossread stopped because of an internal error, so this page no longer responds. Reload the page to start again. (Details: {info})"
    )));
    let _ = body.insert_before(&notice, body.first_child().as_ref());
}

/// Test builds only (`--features panic-probe`): `#/panic-probe` panics, so
/// the end-to-end tests can see what a reader would.
#[cfg(feature = "panic-probe")]
fn panic_probe() {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    if hash.as_deref() == Some("#/panic-probe") {
        panic!("deliberate panic from the panic-probe test build");
    }
}
