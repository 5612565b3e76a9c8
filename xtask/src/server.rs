//! A small static file server for `dist/`, bound to loopback only. It serves
//! the site under a path prefix (to prove the build works under any
//! sub-path), with the MIME types a static host must send, and optional
//! extra headers (e.g. a Content-Security-Policy).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

pub struct StaticServer {
    port: u16,
    handle: JoinHandle<()>,
}

struct Site {
    root: PathBuf,
    prefix: String,
    headers: Vec<(String, String)>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; port 0 picks a free one.
    pub fn start(root: &Path, prefix: &str, port: u16) -> Result<StaticServer, String> {
        Self::start_with_headers(root, prefix, port, Vec::new())
    }

    pub fn start_with_headers(
        root: &Path,
        prefix: &str,
        port: u16,
        headers: Vec<(String, String)>,
    ) -> Result<StaticServer, String> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let site = Arc::new(Site {
            root: root.to_path_buf(),
            prefix: prefix.to_string(),
            headers,
        });
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = Arc::clone(&site);
                std::thread::spawn(move || {
                    let _ = respond(&site, stream);
                });
            }
        });
        Ok(StaticServer { port, handle })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Blocks for as long as the server runs.
    pub fn wait(self) {
        let _ = self.handle.join();
    }
}

pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(site: &Site, stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = path
        .strip_prefix(site.prefix.as_str())
        .and_then(|rest| resolve(&site.root, rest));
    let (status, file) = match file {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", site.root.join("404.html")),
    };
    let body = std::fs::read(&file).unwrap_or_else(|_| b"not found".to_vec());
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        mime_type(&file),
        body.len()
    );
    for (name, value) in &site.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Maps a URL path below the prefix to a file, refusing `..` escapes.
fn resolve(root: &Path, rest: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for segment in rest.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment.contains('\\') {
            return None;
        }
        path.push(segment);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}
