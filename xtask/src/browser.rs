//! Headless Chromium through chromedriver, with the helpers tests share.

use crate::tools::{CHROMEDRIVER, CHROMIUM};
use crate::webdriver::{Chromedriver, Session};

pub struct Browser {
    // Field order matters: the session closes before the driver stops.
    pub session: Session,
    _driver: Chromedriver,
}

impl Browser {
    pub fn start(width: u32, height: u32) -> Result<Browser, String> {
        Self::start_with_args(width, height, &[])
    }

    /// A browser whose Chromium gets extra flags (e.g. precise memory figures).
    pub fn start_with_args(width: u32, height: u32, extra: &[&str]) -> Result<Browser, String> {
        let driver = Chromedriver::start(CHROMEDRIVER)?;
        let session = Session::with_args(&driver, CHROMIUM, width, height, extra)?;
        Ok(Browser {
            session,
            _driver: driver,
        })
    }

    /// Opens a URL and clears the console log of the previous page.
    pub fn open(&self, url: &str) -> Result<(), String> {
        // A hash-only change would not reload: go through about:blank.
        self.session.goto("about:blank")?;
        self.session.goto(url)
    }

    /// Opens a page of the app and waits until the app runs on it (the
    /// prerendered text shows earlier; the app starts after the first paint).
    pub fn open_app(&self, url: &str) -> Result<(), String> {
        self.open(url)?;
        self.session
            .wait_for(
                "the app to start",
                "return document.documentElement.dataset.app === 'running';",
            )
            .map(drop)
    }

    /// Writes a PNG of a page to `target/screenshots/<name>.png`.
    pub fn save_screenshot(
        &self,
        url: &str,
        width: u32,
        height: u32,
        name: &str,
    ) -> Result<(), String> {
        self.session.set_window_size(width, height)?;
        self.open(url)?;
        self.session
            .wait_for("the page", "return document.querySelector('main h1');")?;
        let png = self.session.screenshot_png()?;
        let dir = crate::root().join("target").join("screenshots");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  screenshot: {}", path.display());
        Ok(())
    }
}
