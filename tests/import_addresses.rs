//! `dossier import` of addresses, served by a server inside the test
//! (127.0.0.1 only): a page fetched after a redirect, its character set
//! from the header alone, and every way a fetch fails (404, 500, not a
//! page, no answer within the timeout, connection refused); an address
//! already imported is refused without fetching it again.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use common::assert_says;
use common::import::{dossier, front_matter, get, import, stderr, stdout_lines};

/// Paragraphs enough for an article (the extractor wants 50 words of
/// running text), in French.
const PROSE_FR: &str = "<p>L'accord, le premier de ce genre entre les deux pays depuis la fin \
    de la guerre froide, a été annoncé après plusieurs heures d'entretiens à huis clos.</p>\
    <p>À Séoul comme à Washington, les responsables ont dit étudier le texte de près, et ont \
    rappelé que tout transfert d'armes violerait les résolutions du Conseil de sécurité.</p>";

/// A server on 127.0.0.1 answering each path as the tests need.
fn serve() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            std::thread::spawn(move || answer(stream));
        }
    });
    (address, requests)
}

fn answer(mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/silent" => {
            std::thread::sleep(Duration::from_secs(10));
            return;
        }
        "/missing" => ("404 Not Found", String::new(), b"no".to_vec()),
        "/paper" => (
            "200 OK",
            "Content-Type: application/pdf\r\n".to_string(),
            b"%PDF-1.7".to_vec(),
        ),
        "/broken" => ("500 Internal Server Error", String::new(), b"no".to_vec()),
        "/moved" => (
            "301 Moved Permanently",
            "Location: /2024/05/06/latin\r\n".to_string(),
            Vec::new(),
        ),
        "/2024/05/06/latin" => {
            // The charset in the header only, é as 0xE9.
            let page = format!(
                "<html><head><title>Un été à Pyongyang</title></head><body><article>\
                 <p>Le président a passé l'été à Pyongyang, où il a été reçu.</p>{PROSE_FR}\
                 </article></body></html>"
            );
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
            (
                "200 OK",
                "Content-Type: text/html; charset=ISO-8859-1\r\n".to_string(),
                bytes.into_owned(),
            )
        }
        _ => ("404 Not Found", String::new(), Vec::new()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn addresses_fetched_redirected_and_failing() {
    let (server, requests) = serve();
    // A port nothing listens on.
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        format!("http://{}/x", listener.local_addr().expect("address"))
    };
    let fixture = dossier();
    let urls = [
        format!("{server}/missing"),
        format!("{server}/broken"),
        format!("{server}/paper"),
        format!("{server}/silent"),
        closed,
        format!("{server}/moved"),
    ];
    let args: Vec<&str> = urls.iter().map(String::as_str).collect();
    let start = Instant::now();
    let output = import(&fixture, &args, "");
    let took = start.elapsed();
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        took < Duration::from_secs(8),
        "the timeout is settable: {took:?}"
    );
    assert_says(
        &report,
        &[
            "/missing: error: the server answered 404 Not Found",
            "/broken: error: the server answered 500 Internal Server Error",
            "/silent: error: no answer within 1 s",
            "/x: error: the connection was refused",
            "/paper: error: the address gives `application/pdf`, not a page or text",
            "5 of 6 sources not imported",
        ],
    );
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {report}");
    };
    assert!(
        article.ends_with("content/articles/2024/un-ete-a-pyongyang.md"),
        "{article:?}"
    );
    let meta = front_matter(article);
    assert_eq!(
        get(&meta, "source.url"),
        Some(format!("{server}/2024/05/06/latin").as_str())
    );
    assert_eq!(meta["date"].as_str(), Some("2024-05-06"));
    assert_eq!(get(&meta, "source.name"), Some("127.0.0.1"));
    // Declared by the header only: the front matter keeps it for check.
    assert_eq!(get(&meta, "source.charset"), Some("windows-1252"));
    let text = std::fs::read_to_string(article).expect("article");
    assert!(text.contains("passé l'été à Pyongyang"), "{text}");
    // check reads the original in that charset: a note's quote with é is found.
    let path = article
        .strip_prefix(fixture.root())
        .expect("inside")
        .to_str()
        .expect("UTF-8")
        .to_string();
    fixture.write(
        &path,
        &text.replace(
            "\n---\n",
            "\nannotations:\n  - quote: passé l'été\n    note: Long.\n---\n",
        ),
    );
    let checked = fixture.run(&["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        !stderr(&checked).contains("not in the original"),
        "{}",
        stderr(&checked)
    );
    // The same address again: a duplicate, found without fetching it.
    let before = requests.load(std::sync::atomic::Ordering::SeqCst);
    let again = import(&fixture, &[&format!("{server}/2024/05/06/latin")], "");
    assert_eq!(again.status.code(), Some(1));
    assert_says(&stderr(&again), &["already imported", "(the same address)"]);
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), before);
}
