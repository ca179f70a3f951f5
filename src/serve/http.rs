//! The preview's HTTP side: pages rendered on request from the site in
//! memory, files from `static/`, the dossier's 404 page, and an event
//! stream that tells open pages to reload.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use super::rebuild::Current;
use crate::diagnostic::Diagnostic;
use crate::html::escape;

/// Where open pages listen for reloads. No dossier path starts with `_`
/// twice, so it cannot hide a page.
pub(crate) const EVENTS_PATH: &str = "/__dossier/events";

/// Added to every HTML page served, never to a built one: reloads the page
/// when the site is rebuilt.
///
/// The reader keeps their place: the scroll position is kept for the
/// reload and restored once the page is back, also after an error page
/// (shorter, which would clamp it) stood in between.
const RELOAD_SCRIPT: &str = concat!(
    "<script>/* dossier serve: live reload */(function(){",
    "var key=\"dossier-scroll:\"+location.pathname,store=sessionStorage,",
    "broken=document.documentElement.hasAttribute(\"data-dossier-error\");",
    "if(!broken){var y=store.getItem(key);if(y!==null){store.removeItem(key);",
    "history.scrollRestoration=\"manual\";scrollTo(0,+y);",
    "addEventListener(\"load\",function(){scrollTo(0,+y)})}}",
    "new EventSource(\"/__dossier/events\").addEventListener(\"reload\",function(){",
    "if(!broken)store.setItem(key,String(scrollY));location.reload()})})();</script>"
);

/// What the server tells open pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    /// The site was rebuilt (its generation number).
    Reload(u64),
    /// The server is stopping: event streams end so that it can.
    Shutdown,
}

/// What every request sees.
pub(crate) struct Shared {
    /// The current build; replaced whole by each rebuild.
    pub(crate) current: RwLock<Arc<Current>>,
    pub(crate) signals: broadcast::Sender<Signal>,
    /// The dossier's `static/` folder.
    pub(crate) static_dir: PathBuf,
}

impl Shared {
    fn current(&self) -> Arc<Current> {
        // A panic while holding the lock cannot leave a half-made build:
        // the lock only guards swapping one `Arc` for another.
        Arc::clone(&self.current.read().unwrap_or_else(|e| e.into_inner()))
    }
}

/// The preview's routes.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(get(file))
        .with_state(shared)
}

/// Server-sent events: `reload` after each rebuild.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.signals.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let data = match receiver.recv().await {
            Ok(Signal::Reload(generation)) => generation.to_string(),
            // A page that missed some rebuilds needs one reload.
            Err(broadcast::error::RecvError::Lagged(_)) => "lagged".to_string(),
            Ok(Signal::Shutdown) | Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(Event::default().event("reload").data(data)), receiver))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Any other path: a page of the site, a static file, or the 404 page.
async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let Some(request) = RequestPath::parse(uri.path()) else {
        return (
            StatusCode::BAD_REQUEST,
            "bad request: the path is not allowed\n",
        )
            .into_response();
    };
    let current = shared.current();
    let static_dir = shared.static_dir.clone();
    // Rendering is CPU work (and reading static files is blocking I/O):
    // off the async threads.
    let found = tokio::task::spawn_blocking(move || respond(&current, &static_dir, &request)).await;
    match found {
        Ok(response) => response,
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal error\n").into_response(),
    }
}

fn respond(current: &Current, static_dir: &Path, request: &RequestPath) -> Response {
    let site = match current {
        Current::Broken(errors) => {
            if let Some(bytes) = static_file(static_dir, &request.file) {
                return served(&request.file, bytes);
            }
            return error_page(errors);
        }
        Current::Ready(site) => site,
    };
    match site.render_path(&request.file) {
        Some(Ok(page)) => return served(&page.path, page.bytes),
        Some(Err(error)) => return error_page(&[error]),
        None => {}
    }
    if let Some(bytes) = static_file(static_dir, &request.file) {
        return served(&request.file, bytes);
    }
    // `/articles` means `/articles/`: the pages' relative links need the
    // slash.
    if !request.folder
        && (site
            .render_path(&format!("{}/index.html", request.file))
            .is_some()
            || static_dir.join(&request.file).join("index.html").is_file())
    {
        let location = format!("/{}/", request.file);
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    match site.not_found() {
        Ok(page) => {
            let mut response = served(&page.path, page.bytes);
            *response.status_mut() = StatusCode::NOT_FOUND;
            response
        }
        Err(error) => error_page(&[error]),
    }
}

/// A request's path, checked: inside the site, `/`-separated, with
/// `index.html` added to folders.
#[derive(Debug, PartialEq, Eq)]
struct RequestPath {
    /// The file inside the output, as `articles/x/index.html`.
    file: String,
    /// The request named a folder (`/` or a trailing `/`).
    folder: bool,
}

impl RequestPath {
    /// `None` for anything that could reach outside the site once decoded:
    /// `..` or `.` segments (however encoded), backslashes, NUL, or a
    /// segment with `:` (a drive on Windows).
    fn parse(raw: &str) -> Option<Self> {
        let decoded = percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .ok()?;
        let rest = decoded.strip_prefix('/')?;
        if rest.contains(['\\', '\0']) {
            return None;
        }
        let mut segments = Vec::new();
        for segment in rest.split('/') {
            match segment {
                "" => {}
                "." | ".." => return None,
                s if s.contains(':') => return None,
                s => segments.push(s),
            }
        }
        let folder = rest.is_empty() || rest.ends_with('/');
        let mut file = segments.join("/");
        if folder {
            if !file.is_empty() {
                file.push('/');
            }
            file.push_str("index.html");
        }
        Some(RequestPath { file, folder })
    }
}

/// A file of `static/`, if `file` names one that really is inside it (a
/// symbolic link pointing out is not).
fn static_file(static_dir: &Path, file: &str) -> Option<Vec<u8>> {
    let inside = static_dir.canonicalize().ok()?;
    let path = static_dir.join(file).canonicalize().ok()?;
    if !path.starts_with(&inside) || !path.is_file() {
        return None;
    }
    std::fs::read(path).ok()
}

/// A 200 response with the type the extension gives, the reload script in
/// HTML, and no caching: a preview always shows the latest build.
fn served(path: &str, mut bytes: Vec<u8>) -> Response {
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        bytes = with_reload_script(bytes);
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response()
}

/// The page with the reload script just before `</body>`.
fn with_reload_script(html: Vec<u8>) -> Vec<u8> {
    let end = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + RELOAD_SCRIPT.len());
    out.extend_from_slice(&html[..end]);
    out.extend_from_slice(RELOAD_SCRIPT.as_bytes());
    out.extend_from_slice(&html[end..]);
    out
}

/// Every page while the dossier does not build: its errors, each where it
/// is, and the reload script so that the next good save brings the site
/// back by itself.
fn error_page(errors: &[Diagnostic]) -> Response {
    let count = errors.iter().filter(|e| e.is_error()).count();
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\" data-dossier-error>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>dossier: the build failed</title>\n<style>\
         body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\
         pre{{background:#fff4f4;border-left:4px solid #b00020;padding:.75rem 1rem;overflow-x:auto;white-space:pre-wrap}}\
         @media (prefers-color-scheme:dark){{body{{background:#1b1b1b;color:#eee}}pre{{background:#3a1d1d}}}}\
         </style>\n</head>\n<body>\n<main>\n<h1>The dossier does not build: {count} error{}</h1>\n\
         <p>Fix the files below and save: this page reloads by itself.</p>\n",
        if count == 1 { "" } else { "s" }
    );
    for error in errors {
        html.push_str("<pre class=\"diagnostic\">");
        html.push_str(&escape(&error.to_string()));
        html.push_str("</pre>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    let mut response = served("error.html", html.into_bytes());
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}

/// The media type of a file, from its extension.
fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "jsonld" => "application/ld+json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{RequestPath, content_type, with_reload_script};

    fn file(raw: &str) -> Option<String> {
        RequestPath::parse(raw).map(|r| r.file)
    }

    #[test]
    fn paths_map_to_files_and_folders_to_their_index() {
        assert_eq!(file("/").as_deref(), Some("index.html"));
        assert_eq!(
            file("/articles/x/").as_deref(),
            Some("articles/x/index.html")
        );
        assert_eq!(file("/style.css").as_deref(), Some("style.css"));
        assert_eq!(file("/caf%C3%A9/").as_deref(), Some("café/index.html"));
        assert!(!RequestPath::parse("/articles").expect("valid").folder);
    }

    #[test]
    fn paths_that_could_leave_the_site_are_refused() {
        for raw in [
            "/../secret",
            "/a/../../secret",
            "/%2e%2e/secret",
            "/%2E%2E%2Fsecret",
            "/a/%2e%2e%2f%2e%2e%2fsecret",
            "/..%5csecret",
            "/a\\..\\secret",
            "/C:/Windows/win.ini",
            "/./index.html",
            "/a%00.html",
            "/%ff",
            "relative",
        ] {
            assert_eq!(file(raw), None, "{raw} was accepted");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = with_reload_script(b"<html><body><p>x</p></body></html>".to_vec());
        let page = String::from_utf8(page).expect("utf-8");
        assert!(page.ends_with("</script></body></html>"), "{page}");
        assert_eq!(content_type("a/b.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
