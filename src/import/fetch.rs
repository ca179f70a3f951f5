//! A page fetched from the web for `import`: over HTTPS (rustls) or HTTP,
//! redirects followed, within a timeout, and every way it can fail said
//! in words with what to do. ureq, blocking: one page at a time needs no
//! async runtime.

use std::time::Duration;

use ureq::ResponseExt;

/// The longest a fetch may take, unless `DOSSIER_IMPORT_TIMEOUT` (seconds)
/// says otherwise (the tests set one second).
const TIMEOUT: Duration = Duration::from_secs(30);

/// The largest page read: far above any article, low enough that a wrong
/// address (a video) does not fill the memory.
const LARGEST: u64 = 64 * 1024 * 1024;

/// A page as the server gave it.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, which may name the character set.
    pub content_type: Option<String>,
    /// The address after redirects.
    pub url: String,
}

/// Why no page came back: the problem and what to do.
#[derive(Debug)]
pub(crate) struct Unfetched {
    pub problem: String,
    pub help: String,
}

/// Fetches `url` (http or https).
pub(crate) fn fetch(url: &str) -> Result<Fetched, Unfetched> {
    let timeout = timeout();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!("dossier/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|error| unfetched(&error, timeout))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        let help = if status.is_server_error() {
            "the site failed to answer: try again later, or save the page from your browser and \
             import the file"
        } else {
            "check the address; if the page opens in your browser, save it there (a complete \
             HTML page) and import the file"
        };
        return Err(Unfetched {
            problem: format!("the server answered {} {reason}", status.as_u16()),
            help: help.to_string(),
        });
    }
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(LARGEST)
        .read_to_vec()
        .map_err(|error| unfetched(&error, timeout))?;
    Ok(Fetched {
        bytes,
        content_type,
        url: final_url,
    })
}

fn timeout() -> Duration {
    std::env::var("DOSSIER_IMPORT_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(TIMEOUT, Duration::from_secs_f64)
}

/// ureq's error in the user's words.
fn unfetched(error: &ureq::Error, timeout: Duration) -> Unfetched {
    let offline = "check the address and the connection; or save the page from your browser \
                   and import the file";
    let (problem, help) = match error {
        ureq::Error::Timeout(_) => (
            format!("no answer within {} s", timeout.as_secs_f64()),
            "the site is slow or unreachable: try again, or save the page from your browser and \
             import the file",
        ),
        ureq::Error::HostNotFound => (
            "the site's name was not found (offline, or a mistyped address?)".to_string(),
            offline,
        ),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            ("the connection was refused".to_string(), offline)
        }
        ureq::Error::BodyExceedsLimit(_) | ureq::Error::LargeResponseHeader(..) => (
            format!("the page is larger than {} MB", LARGEST / 1024 / 1024),
            "this is not an article page: check the address",
        ),
        ureq::Error::TooManyRedirects => (
            "too many redirects".to_string(),
            "the site sends the address round in a loop: open it in a browser and import the \
             address it ends at",
        ),
        other => (format!("cannot fetch it: {other}"), offline),
    };
    Unfetched {
        problem,
        help: help.to_string(),
    }
}
