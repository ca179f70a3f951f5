//! A real `dossier serve` on 127.0.0.1 (an ephemeral port), and a small
//! HTTP/1.1 client over a plain socket: requests go out exactly as written
//! (no client tidies `/../` away), which the traversal tests need.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long anything may take on a slow, shared CI machine.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running `dossier serve`; killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// Everything it printed on stderr so far.
    log: Arc<Mutex<String>>,
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    /// The body as a parsed page.
    pub fn page(&self) -> super::Page {
        super::Page {
            html: scraper::Html::parse_document(&self.body),
            path: "response".to_string(),
        }
    }

    /// The text of every element matching `css`, white space folded.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.page().texts(css)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// Starts `dossier serve --root <root> --port 0` and waits until it
    /// says where it listens.
    pub fn start(root: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dossier serve starts");
        let stderr = child.stderr.take().expect("stderr piped");
        let log = Arc::new(Mutex::new(String::new()));
        let (port_sender, port) = channel();
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { return };
                if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
                    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = port_sender.send(number.parse::<u16>().expect("a port number"));
                }
                let mut log = lines.lock().expect("log");
                log.push_str(&line);
                log.push('\n');
            }
        });
        let port = match port.recv_timeout(PATIENCE) {
            Ok(port) => port,
            Err(_) => {
                let _ = child.kill();
                panic!("the server did not start: {}", log.lock().expect("log"));
            }
        };
        Server { child, port, log }
    }

    pub fn log(&self) -> String {
        self.log.lock().expect("log").clone()
    }

    /// `GET path` (sent as written).
    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path)
    }

    pub fn request(&self, method: &str, path: &str) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        )
        .expect("send the request");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the response");
        parse_response(&raw)
    }

    /// Polls `path` until `done` holds for its response.
    pub fn wait_for(&self, path: &str, done: impl Fn(&Response) -> bool) -> Response {
        let start = Instant::now();
        loop {
            let response = self.get(path);
            if done(&response) {
                return response;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{path} never changed: last {} {}\nserver log:\n{}",
                response.status,
                response.body,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Opens the reload event stream, as a page's script does.
    pub fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send the request");
        let (sender, received) = channel();
        let reader = stream.try_clone().expect("clone the socket");
        std::thread::spawn(move || {
            let mut head = String::new();
            for line in BufReader::new(reader).lines() {
                let Ok(line) = line else { return };
                if head.is_empty() && line.starts_with("HTTP/1.1") {
                    head = line.clone();
                    let _ = sender.send(format!("status {}", &line[9..12]));
                }
                if let Some(name) = line.strip_prefix("event: ") {
                    let _ = sender.send(name.to_string());
                }
            }
            let _ = sender.send("closed".to_string());
        });
        let events = Events {
            received,
            _stream: stream,
        };
        assert_eq!(events.next(), "status 200", "the event stream opens");
        events
    }

    /// Sends SIGINT (Ctrl-C) and waits for the process to end.
    #[cfg(unix)]
    pub fn interrupt(mut self) -> (ExitStatus, String) {
        // The shell's own `kill`: no other program needed.
        let sent = Command::new("sh")
            .args(["-c", &format!("kill -INT {}", self.child.id())])
            .status()
            .expect("sh runs");
        assert!(sent.success());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // The reader thread may still be taking the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return (status, self.log());
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the server did not stop on Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream.
pub struct Events {
    received: Receiver<String>,
    _stream: TcpStream,
}

impl Events {
    /// The next event's name (or `closed`).
    pub fn next(&self) -> String {
        self.received
            .recv_timeout(PATIENCE)
            .expect("an event within the time allowed")
    }
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("status line");
    let status = status_line[9..12].parse().expect("status code");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&raw[..end]).trim(), 16)
            .expect("chunk size");
        if size == 0 {
            break;
        }
        body.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    body
}
