//! A minimal W3C WebDriver client for chromedriver: enough to open pages,
//! run scripts, click, type, read the console and take screenshots. Plain
//! HTTP/1.1 over a loopback socket, so the tests need no async runtime.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running chromedriver, stopped when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    pub fn start(binary: &str) -> Result<Chromedriver, String> {
        let port = free_port()?;
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {binary}: {e}"))?;
        let driver = Chromedriver { child, port };
        let started = Instant::now();
        while http(port, "GET", "/status", None).is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not start within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// Chromium flags for this closed, root-run, headless environment.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
];

/// One browser session.
pub struct Session {
    port: u16,
    id: String,
}

impl Session {
    /// A session whose Chromium gets `extra` flags besides [`CHROMIUM_ARGS`].
    pub fn with_args(
        driver: &Chromedriver,
        chromium: &str,
        width: u32,
        height: u32,
        extra: &[&str],
    ) -> Result<Session, String> {
        let mut args: Vec<String> = CHROMIUM_ARGS
            .iter()
            .chain(extra)
            .map(|a| a.to_string())
            .collect();
        args.push(format!("--window-size={width},{height}"));
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": chromium, "args": args },
                "goog:loggingPrefs": { "browser": "ALL" }
            }}
        });
        let value = command(driver.port, "POST", "/session", Some(capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or("chromedriver returned no session id")?
            .to_string();
        Ok(Session {
            port: driver.port,
            id,
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        command(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.call("POST", "/url", Some(json!({ "url": url })))
            .map(drop)
    }

    pub fn back(&self) -> Result<(), String> {
        self.call("POST", "/back", Some(json!({}))).map(drop)
    }

    pub fn refresh(&self) -> Result<(), String> {
        self.call("POST", "/refresh", Some(json!({}))).map(drop)
    }

    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .map(drop)
    }

    /// Runs a script body (use `return`) with `arguments`.
    pub fn eval(&self, script: &str, args: Value) -> Result<Value, String> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs an asynchronous script body: it gets a callback as its last
    /// argument and the result is what it passes to that callback.
    pub fn eval_async(&self, script: &str, args: Value) -> Result<Value, String> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver (for
    /// what WebDriver lacks, e.g. running a script before any page script).
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    /// The text of an open `alert`/`confirm`/`prompt` dialog, if any.
    pub fn open_dialog(&self) -> Result<Option<String>, String> {
        match self.call("GET", "/alert/text", None) {
            Ok(text) => Ok(Some(text.as_str().unwrap_or("").to_string())),
            Err(message) if message.contains("no such alert") => Ok(None),
            Err(message) => Err(message),
        }
    }

    /// Polls a script until it returns a truthy value.
    pub fn wait_for(&self, what: &str, script: &str) -> Result<Value, String> {
        let started = Instant::now();
        loop {
            let value = self.eval(script, json!([]))?;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value.as_str() != Some("")
                && value.as_u64() != Some(0);
            if truthy {
                return Ok(value);
            }
            if started.elapsed() > Duration::from_secs(15) {
                return Err(format!("timed out after 15 s waiting for {what}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn element(&self, selector: &str) -> Result<String, String> {
        let value = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": selector })),
        )?;
        value
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("no element matches {selector}"))
    }

    /// A real pointer click (through the browser's input pipeline).
    pub fn click(&self, selector: &str) -> Result<(), String> {
        let element = self.element(selector)?;
        self.call(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        )
        .map(drop)
    }

    /// Gives files to an `<input type="file">`, as a reader choosing them
    /// in the picker would (the input's `change` event fires).
    pub fn choose_files(&self, selector: &str, paths: &[&std::path::Path]) -> Result<(), String> {
        let element = self.element(selector)?;
        let text: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text.join("\n") })),
        )
        .map(drop)
    }

    /// Presses keys through the browser's input pipeline. Use WebDriver key
    /// codes for special keys, e.g. "\u{E007}" for Enter, "\u{E004}" for Tab.
    pub fn press_keys(&self, keys: &str) -> Result<(), String> {
        let mut actions = Vec::new();
        for key in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": key.to_string() }));
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.call("POST", "/actions", Some(body)).map(drop)
    }

    /// Console messages at level SEVERE since the last call.
    pub fn console_errors(&self) -> Result<Vec<String>, String> {
        let value = self.call("POST", "/se/log", Some(json!({ "type": "browser" })))?;
        Ok(value
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .filter_map(|e| e["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    pub fn screenshot_png(&self) -> Result<Vec<u8>, String> {
        let value = self.call("GET", "/screenshot", None)?;
        decode_base64(value.as_str().ok_or("no screenshot data")?)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = command(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}

fn command(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let response = http(port, method, path, body.map(|b| b.to_string()))?;
    let value: Value = serde_json::from_str(&response)
        .map_err(|e| format!("chromedriver sent invalid JSON ({e}): {response}"))?;
    let value = value.get("value").cloned().unwrap_or(Value::Null);
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        let message = value.get("message").and_then(Value::as_str).unwrap_or("");
        let first_line = message.lines().next().unwrap_or("");
        return Err(format!("WebDriver {method} {path}: {error}: {first_line}"));
    }
    Ok(value)
}

fn http(port: u16, method: &str, path: &str, body: Option<String>) -> Result<String, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let body = body.unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // chromedriver keeps connections alive whatever the request says: read
    // the head, then exactly the announced body.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("chromedriver closed the connection early".into());
        }
        raw.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut body = raw[split + 4..].to_vec();
    let header = |name: &str| {
        head.lines().find_map(|line| {
            line.strip_prefix(name)
                .map(|v| v.trim_start_matches(':').trim().to_string())
        })
    };
    if let Some(length) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        while body.len() < length {
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buffer[..n]);
        }
        body.truncate(length);
    } else if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        while !body.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buffer[..n]);
        }
        body = dechunk(&body);
    } else {
        stream.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    String::from_utf8(body).map_err(|_| "chromedriver sent a non-UTF-8 response".to_string())
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let after = &rest[line_end + 2..];
        match size {
            Some(size) if size > 0 && after.len() >= size => {
                out.extend_from_slice(&after[..size]);
                rest = after[size..]
                    .strip_prefix(b"\r\n")
                    .unwrap_or(&after[size..]);
            }
            _ => break,
        }
    }
    out
}

fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut acc: u32 = 0;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= u32::from(value(c).ok_or("invalid base64")?) << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}
